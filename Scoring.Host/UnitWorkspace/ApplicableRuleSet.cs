using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Loading;
using Scoring.Rules.Versions;

namespace Scoring.Host.UnitWorkspace;

/// <summary>
/// The rule set that will score a unit in a year: of the tenant's published rule sets, the highest version covering the
/// year (as runs pick, <see cref="RuleSetSelection"/>) whose unit kinds include the unit's kind. Published versions never
/// change, so each is read once per process (by its SHA-256).
/// </summary>
internal static class ApplicableRuleSet
{
    private static readonly ConcurrentDictionary<string, RuleSetDocument?> Loaded = new(StringComparer.Ordinal);

    public static async Task<(RuleSetVersion Version, RuleSetDocument Document)?> ForAsync(ScoringDbContext db, string tenant, int year, string unitKind, CancellationToken ct)
    {
        var versions = await db.RuleSetVersions.AsNoTracking().Where(r => r.Tenant == tenant).ToListAsync(ct);
        foreach (var latest in versions.GroupBy(v => v.RuleSetId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                     .Select(g => RuleSetSelection.LatestVersion(g.Where(v => Load(v) is not null), v => Load(v)!.RuleSet, new RuleSetQuery(year))).OfType<RuleSetVersion>())
        {
            var document = Load(latest);
            if (document is not null && document.RuleSet.UnitKinds.Contains(unitKind) && document.RuleSet.Years.Contains(year))
            {
                return (latest, document);
            }
        }

        return null;
    }

    private static RuleSetDocument? Load(RuleSetVersion version) =>
        Loaded.GetOrAdd(version.Sha256, _ => RuleSetLoader.LoadText(version.Json, $"{version.RuleSetId}.rules.json").Document);
}
