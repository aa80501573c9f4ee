using Microsoft.EntityFrameworkCore;
using Scoring.Engine.Results;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// A run as the console reads it: the run, its pinned rule set, and once completed the ranking of each group and the award
/// proposals, i.e. exactly what its publication makes public.
/// </summary>
internal sealed record RunView(ScoringRun Run, RuleSetVersion RuleSet, string TenantName, IReadOnlyList<RunGroupSummary> Groups, IReadOnlyList<AwardEntry> Awards)
{
    public int Units => Groups.Sum(g => g.Ranking.Count);

    /// <summary>The public address of the run's year once published.</summary>
    public string PublicPath => $"/ket-qua/{Run.TenantCode}/{Run.Year}";

    public static async Task<RunView?> LoadAsync(ScoringDbContext db, long id, CancellationToken ct)
    {
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return null;
        }

        var ruleSet = await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct);
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Code == run.TenantCode).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? run.TenantCode;
        if (run.Status != RunStatus.Completed)
        {
            return new RunView(run, ruleSet, tenant, [], []);
        }

        var codes = await db.UnitResults.AsNoTracking().Where(r => r.RunId == id).Select(r => r.GroupCode).Distinct().ToListAsync(ct);
        var names = await db.Groups.AsNoTracking().Where(g => g.TenantCode == run.TenantCode && g.Year == run.Year && codes.Contains(g.Code))
            .ToDictionaryAsync(g => g.Code, g => g.Name, ct);
        // The grade as its title reads on the card (the stored row keeps the rule set's grade id).
        var rows = await db.UnitResults.AsNoTracking().Where(r => r.RunId == id).OrderBy(r => r.Rank).ThenBy(r => r.UnitCode).ToListAsync(ct);
        var groups = rows.GroupBy(r => r.GroupCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RunGroupSummary(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Select(r =>
                new LeaderboardEntry(r.Rank, r.UnitCode, r.UnitName, r.Total, RunJson.Deserialize<UnitScore>(r.CardJson).GradeTitle, r.Award)).ToList()))
            .ToList();

        var awards = await db.AwardEntries.AsNoTracking().Where(a => a.RunId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return new RunView(run, ruleSet, tenant, groups, awards);
    }

    public static string Status(ScoringRun run) => run.Status switch
    {
        RunStatus.Queued => "Đang chờ chấm",
        RunStatus.Running => $"Đang chấm: {run.Progress}/{run.Total} đơn vị",
        RunStatus.Completed => run.PublishedAt is null ? "Đã chấm xong, chưa công bố" : "Đã công bố",
        _ => "Chấm không thành công",
    };

    public static string Scope(ScoringRun run) => run.Scope == ScoringRun.AllGroupsScope ? "mọi cụm/khối" : run.Scope.Replace(",", ", ", StringComparison.Ordinal);
}
