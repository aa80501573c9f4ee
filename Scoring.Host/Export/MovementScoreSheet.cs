using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace Scoring.Host.Export;

/// <summary>
/// The movement's result as one criterion of each cluster's/bloc's general yearly scoring (Gia Lai KH 36 mục V.2.e, Lai Châu
/// 2.6: "các cụm, khối thi đua bổ sung kết quả thực hiện phong trào thi đua là tiêu chí chấm điểm hàng năm"): read from a
/// completed run's stored results (never re-scored), pinned to that run.
/// </summary>
internal static class MovementScoreSheet
{
    public const decimal MaxScale = 1000m;

    public static async Task<MovementScoreSheetDto> ReadAsync(ScoringDbContext db, PublishedRuleSets ruleSets, ScoringRun run, IReadOnlySet<string>? groups,
        decimal? scale, CancellationToken ct)
    {
        var version = await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct);
        var ruleSet = ruleSets.RuleSet(version);
        var labels = RuleSetLabels.From(ruleSet);
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Code == run.TenantCode, ct);
        var movement = await db.Movements.AsNoTracking().FirstOrDefaultAsync(m => m.TenantCode == run.TenantCode && m.Code == ruleSet.Movement, ct);
        var names = await db.Groups.AsNoTracking().Where(g => g.TenantCode == run.TenantCode && g.Year == run.Year)
            .ToDictionaryAsync(g => g.Code, g => g.Name, StringComparer.Ordinal, ct);
        var rows = await db.UnitResults.AsNoTracking().Where(r => r.RunId == run.Id)
            .Select(r => new { r.GroupCode, r.UnitCode, r.UnitName, r.Rank, r.Total, r.Grade }).ToListAsync(ct);
        var max = ruleSet.Total.Max;
        var units = rows.Where(r => groups is null || groups.Contains(r.GroupCode))
            .OrderBy(r => r.GroupCode, StringComparer.Ordinal).ThenBy(r => r.Rank).ThenBy(r => r.UnitCode, StringComparer.Ordinal)
            .Select(r => new MovementScoreDto(r.GroupCode, names.GetValueOrDefault(r.GroupCode, r.GroupCode), r.UnitCode, r.UnitName, r.Rank, r.Total, max,
                Round(max == 0 ? 0 : r.Total / max * 100m), r.Grade, labels.Grade(r.Grade), scale is { } s && max != 0 ? Round(r.Total / max * s) : null))
            .ToList();
        return new MovementScoreSheetDto(run.Id, tenant.Code, tenant.Name, movement?.Title ?? ruleSet.Movement, run.Year, version.RuleSetId, version.Version,
            run.RuleSetSha256, run.InputsSha256, run.ResultSha256, run.PublishedAt is { } at ? InstantPattern.ExtendedIso.Format(at) : null, scale, units);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
