using Microsoft.EntityFrameworkCore;
using Scoring.Engine.Results;

namespace Scoring.Host.Secretariat;

/// <summary>
/// What the secretariat's pages read and start: the board of a group's reports, and the scoring of a group with the rule
/// sets that apply to its members' unit kinds in the year (the latest version covering the year, as the yearly job picks).
/// </summary>
internal sealed class SecretariatService(ScoringDbContext db, RunService runs, PublishedRuleSets ruleSets)
{
    /// <summary>Administrators act on every group; a secretariat on the groups in its account, inside its tenant.</summary>
    public static bool MayAct(Actor actor, string tenant, string group) =>
        actor.IsAdministrator || (actor.IsSecretariat && actor.InTenant(tenant) && actor.HasGroup(group));

    public async Task<GroupBoard?> BoardAsync(string tenant, int year, string group, CancellationToken ct)
    {
        var found = await db.Groups.AsNoTracking().Include(g => g.Members)
            .FirstOrDefaultAsync(g => g.TenantCode == tenant && g.Year == year && g.Code == group, ct);
        if (found is null)
        {
            return null;
        }

        var codes = found.Members.Select(m => m.UnitCode).ToList();
        var names = await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant && codes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.TenantCode == tenant && s.Year == year && codes.Contains(s.UnitCode))
            .ToDictionaryAsync(s => s.UnitCode, ct);
        var rows = codes.Order(StringComparer.Ordinal).Select(code =>
        {
            var s = submissions.GetValueOrDefault(code);
            return new BoardRow(code, names.GetValueOrDefault(code, code), StatusOf(s), s?.Status, s?.SubmittedAt, s?.Comments);
        }).ToList();
        return new GroupBoard(tenant, year, found.Code, found.Name, rows);
    }

    /// <summary>The groups of the secretariat's account that exist, by year (newest first).</summary>
    public async Task<IReadOnlyList<Group>> OwnGroupsAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Tenant is not { } tenant)
        {
            return [];
        }

        var codes = actor.Groups.ToList();
        return await db.Groups.AsNoTracking().Where(g => g.TenantCode == tenant && codes.Contains(g.Code))
            .OrderByDescending(g => g.Year).ThenBy(g => g.Code).ToListAsync(ct);
    }

    /// <summary>
    /// Enqueues the group's scoring with every rule set whose latest version covering the year applies to a kind of its
    /// members (normally one); returns the runs, empty when no published rule set applies.
    /// </summary>
    public async Task<IReadOnlyList<ScoringRun>> RunAsync(Actor actor, string tenant, int year, string group, CancellationToken ct)
    {
        var members = await db.Groups.AsNoTracking().Where(g => g.TenantCode == tenant && g.Year == year && g.Code == group)
            .SelectMany(g => g.Members.Select(m => m.UnitCode)).ToListAsync(ct);
        var kinds = (await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant && members.Contains(u.Code)).Select(u => u.Kind).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var versions = await db.RuleSetVersions.AsNoTracking().Where(v => v.Tenant == tenant).ToListAsync(ct);
        var started = new List<ScoringRun>();
        foreach (var ruleSet in versions.GroupBy(v => v.RuleSetId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var version = ruleSets.LatestFor(ruleSet, year);
            if (version is null || !ruleSets.RuleSet(version).UnitKinds.Any(k => kinds.Contains(k.Value)))
            {
                continue;
            }

            var (run, _) = await runs.EnqueueAsync(tenant, year, [group], version, AuditTrail.Describe(actor), ct);
            started.Add(run);
        }

        return started;
    }

    /// <summary>
    /// The group's results in a completed run, compared with the group's latest completed run of the year before (the
    /// published one when there is one).
    /// </summary>
    public async Task<CouncilResult> ResultAsync(ScoringRun run, string group, CancellationToken ct)
    {
        var ruleSet = await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct);
        var name = await db.Groups.AsNoTracking().Where(g => g.TenantCode == run.TenantCode && g.Year == run.Year && g.Code == group)
            .Select(g => g.Name).FirstOrDefaultAsync(ct) ?? group;
        var rows = await db.UnitResults.AsNoTracking().Where(r => r.RunId == run.Id && r.GroupCode == group)
            .OrderBy(r => r.Rank).ThenBy(r => r.UnitCode).ToListAsync(ct);
        var previousRuns = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.TenantCode == run.TenantCode && r.Year == run.Year - 1 && r.Status == RunStatus.Completed
                && db.UnitResults.Any(u => u.RunId == r.Id && u.GroupCode == group))
            .Select(r => new { r.Id, Published = r.PublishedAt != null }).ToListAsync(ct);
        var previousRun = previousRuns.OrderByDescending(r => r.Published).ThenByDescending(r => r.Id).FirstOrDefault()?.Id;
        var previous = previousRun is { } p
            ? await db.UnitResults.AsNoTracking().Where(r => r.RunId == p && r.GroupCode == group).ToDictionaryAsync(r => r.UnitCode, ct)
            : [];
        var ranking = rows.Select(r =>
        {
            var card = RunJson.Deserialize<UnitScore>(r.CardJson);
            var before = previous.GetValueOrDefault(r.UnitCode);
            return new RankingLine(r.Rank, card.Tied, r.UnitCode, r.UnitName, r.Total, card.GradeTitle, r.Award, before?.Rank, before?.Total, card);
        }).ToList();
        var awards = await db.AwardEntries.AsNoTracking().Where(a => a.RunId == run.Id && a.GroupCode == group).OrderBy(a => a.Id).ToListAsync(ct);
        return new CouncilResult(run, ruleSet, group, name, ranking, awards, previousRun);
    }

    /// <summary>The run when the actor may read this group of it; otherwise the 404 or 403 status and the Vietnamese reason.</summary>
    public async Task<(ScoringRun? Run, int Status, string? Error)> FindRunAsync(Actor actor, long id, string group, CancellationToken ct)
    {
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || !Covers(run, group))
        {
            return (null, StatusCodes.Status404NotFound, $"Không có lượt chấm {id} của cụm/khối '{group}'.");
        }

        return MayAct(actor, run.TenantCode, group)
            ? (run, StatusCodes.Status200OK, null)
            : (null, StatusCodes.Status403Forbidden, $"Bạn không phải thư ký của cụm/khối '{group}'; bạn chỉ xem được kết quả chấm của cụm/khối mình ({actor.GroupList}).");
    }

    /// <summary>The groups a run scored: its scope, or every group of the year for a run of all groups.</summary>
    public static bool Covers(ScoringRun run, string group) =>
        run.Scope == ScoringRun.AllGroupsScope || run.Scope.Split(',').Contains(group, StringComparer.Ordinal);

    private static BoardStatus StatusOf(Submission? s) => s?.Status switch
    {
        null or SubmissionStatus.Draft => BoardStatus.NotSubmitted,
        SubmissionStatus.Returned => BoardStatus.Returned,
        SubmissionStatus.Locked => BoardStatus.Locked,
        _ => s.Late ? BoardStatus.Late : BoardStatus.Submitted,
    };
}
