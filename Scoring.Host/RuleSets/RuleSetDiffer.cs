using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Versions;

namespace Scoring.Host.RuleSets;

/// <summary>
/// Diff of two published versions with the shared <see cref="RuleSetDiff"/> (every element, field by field), and, given a
/// tenant and a year, the impact: both versions scored by the engine on that year's current data; units whose rank or
/// total moves, and units whose award changes, computed by <see cref="RankImpact"/> exactly as the command line's
/// <c>diff --data --year</c> does.
/// </summary>
internal static class RuleSetDiffer
{
    public static async Task<Results<Ok<RuleSetDiffDto>, ProblemHttpResult>> DiffAsync(string id, string from, string to, string? tenant, int? year, HttpContext http, ScoringDbContext db, PublishedRuleSets ruleSets, EngineRunCalculator engine, CancellationToken ct)
    {
        // The rank impact scores the tenant's current, unpublished data: only staff of that tenant see it, a secretariat
        // only for its own groups.
        var actor = Actor.From(http.User);
        if (tenant is not null && !actor.InTenant(tenant))
        {
            return Problems.Forbidden($"Bạn không thuộc '{tenant}'; không xem được ảnh hưởng thứ hạng trên dữ liệu của đơn vị này.");
        }

        var versions = await db.RuleSetVersions.AsNoTracking().Where(r => r.RuleSetId == id && (r.Version == from || r.Version == to)).ToListAsync(ct);
        var a = versions.FirstOrDefault(v => v.Version == from);
        var b = versions.FirstOrDefault(v => v.Version == to);
        if (a is null || b is null)
        {
            return Problems.NotFound($"Không có phiên bản {(a is null ? from : to)} của bộ tiêu chí '{id}'.");
        }

        var older = ruleSets.Read(a);
        var newer = ruleSets.Read(b);
        if (!older.Succeeded || !newer.Succeeded)
        {
            return Problems.Unprocessable("Một trong hai phiên bản không đọc được bằng bộ đọc hiện tại.");
        }

        var diff = RuleSetDiff.Compare(older.Document!.RuleSet, newer.Document!.RuleSet);
        var changes = diff.Changes.Select(c => new RuleSetChangeDto(
            c.Kind.ToString().ToLowerInvariant(), c.Element.ToString().ToLowerInvariant(), c.Id, c.Field, c.OldValue, c.NewValue)).ToList();
        var criteria = changes.Where(c => c.Element == "criterion").Select(c => new CriterionChangeDto(c.Kind, c.Id, c.Field, c.OldValue, c.NewValue)).ToList();
        var result = new RuleSetDiffDto(a.Version, b.Version, a.Sha256, b.Sha256, criteria, changes, null, null);
        if (tenant is null || year is null)
        {
            return TypedResults.Ok(result);
        }

        if (await TenantCheck.MissingAsync(db, tenant, ct) is { } missingTenant)
        {
            return missingTenant;
        }

        var inputs = await RunInputsBuilder.BuildAsync(db, tenant, year.Value, [], ct);
        PipelineRun before, after;
        try
        {
            before = engine.Score(a, inputs);
            after = engine.Score(b, inputs);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            return Problems.Unprocessable($"Không chấm thử được để so sánh thứ hạng: {e.Message}");
        }

        if (!before.Succeeded || !after.Succeeded)
        {
            return Problems.Unprocessable($"Không chấm thử được để so sánh thứ hạng: {string.Join(" ", before.Problems.Concat(after.Problems))}");
        }

        bool Visible(string group) => !actor.IsSecretariat || actor.HasGroup(group);
        return TypedResults.Ok(result with
        {
            RankImpact = RankImpactOf(before, after).Where(x => Visible(x.Group)).ToList(),
            AwardImpact = AwardImpactOf(before, after).Where(x => Visible(x.Group)).ToList(),
        });
    }

    /// <summary>Units scored by both versions whose rank or total moves, by group then new rank.</summary>
    private static List<RankImpactDto> RankImpactOf(PipelineRun before, PipelineRun after) =>
        after.Units
            .Join(before.Units, x => x.Unit.Code, y => y.Unit.Code,
                (x, y) => new RankImpactDto(x.Unit.Code, x.Unit.Name, x.Group.Code, y.Unit.Rank, x.Unit.Rank, y.Unit.Total, x.Unit.Total), StringComparer.Ordinal)
            .Where(x => x.RankFrom != x.RankTo || x.TotalFrom != x.TotalTo)
            .OrderBy(x => x.Group, StringComparer.Ordinal).ThenBy(x => x.RankTo).ToList();

    /// <summary>The command line's award changes (<see cref="RankImpact"/>), in its order: group, new rank, unit.</summary>
    private static List<AwardImpactDto> AwardImpactOf(PipelineRun before, PipelineRun after) =>
        RankImpact.Compare(before, after).Where(c => c.AwardChanged)
            .Select(c => new AwardImpactDto(c.UnitCode, c.UnitName, c.Group, c.OldAward, c.NewAward, c.OldTieAtCut, c.NewTieAtCut, c.OldRank, c.NewRank))
            .ToList();
}
