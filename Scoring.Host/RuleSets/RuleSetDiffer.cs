using Microsoft.EntityFrameworkCore;
using Scoring.Host.Apis;
using Scoring.Host.Auth;
using Scoring.Host.Infrastructure;
using Scoring.Host.Runs;
using Scoring.Rules.Loading;
using Scoring.Rules.Versions;

namespace Scoring.Host.RuleSets;

/// <summary>
/// Diff of two published versions with the shared <see cref="RuleSetDiff"/> (every element, field by field), and, given a tenant and a
/// year, the rank impact: both versions scored on that year's current data, units whose rank or total moves.
/// </summary>
internal static class RuleSetDiffer
{
    public static async Task<IResult> DiffAsync(string id, string from, string to, string? tenant, int? year, HttpContext http, ScoringDbContext db, IRunCalculator calculator, CancellationToken ct)
    {
        // The rank impact scores the tenant's current, unpublished data: only staff of that tenant see it, a secretariat
        // only for its own groups of that year.
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

        var older = RuleSetLoader.LoadText(a.Json, $"{id}@{from}");
        var newer = RuleSetLoader.LoadText(b.Json, $"{id}@{to}");
        if (!older.Succeeded || !newer.Succeeded)
        {
            return Problems.Unprocessable("Một trong hai phiên bản không đọc được bằng bộ đọc hiện tại.");
        }

        var diff = RuleSetDiff.Compare(older.Document!.RuleSet, newer.Document!.RuleSet);
        var changes = diff.Changes.Select(c => new
        {
            kind = c.Kind.ToString().ToLowerInvariant(), element = c.Element.ToString().ToLowerInvariant(), c.Id, c.Field, c.OldValue, c.NewValue,
        }).ToList();
        var criteria = changes.Where(c => c.element == "criterion").Select(c => new { change = c.kind, criterion = c.Id, c.Field, c.OldValue, c.NewValue }).ToList();
        if (tenant is null || year is null)
        {
            return TypedResults.Ok(new { from = a.Version, to = b.Version, fromSha256 = a.Sha256, toSha256 = b.Sha256, criteria, changes, rankImpact = (object?)null });
        }

        var inputs = await RunInputsBuilder.BuildAsync(db, tenant, year.Value, [], ct);
        var progress = new Progress<int>();
        try
        {
            var before = await calculator.CalculateAsync(a.Json, inputs, progress, ct);
            var after = await calculator.CalculateAsync(b.Json, inputs, progress, ct);
            var impact = after.Units
                .Join(before.Units, x => x.Unit, y => y.Unit, (x, y) => new { unit = x.Unit, name = x.Name, group = x.Group, rankFrom = y.Rank, rankTo = x.Rank, totalFrom = y.Total, totalTo = x.Total })
                .Where(x => x.rankFrom != x.rankTo || x.totalFrom != x.totalTo)
                .Where(x => !actor.IsSecretariat || actor.HasGroup(x.group))
                .OrderBy(x => x.group, StringComparer.Ordinal).ThenBy(x => x.rankTo).ToList();
            return TypedResults.Ok(new { from = a.Version, to = b.Version, fromSha256 = a.Sha256, toSha256 = b.Sha256, criteria, changes, rankImpact = impact });
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            return Problems.Unprocessable($"Không chấm thử được để so sánh thứ hạng: {e.Message}");
        }
    }
}
