using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Host.RuleSets;

/// <summary>
/// The indicators a unit's values are checked against: those declared by the tenant's published rule sets that apply to
/// the unit's kind in the year (of each rule set, the highest version covering the year, as runs pick). Published
/// versions never change, so each is loaded once per process (by its SHA-256).
/// </summary>
internal static class ApplicableIndicators
{
    private static readonly ConcurrentDictionary<string, RuleSet?> Loaded = new(StringComparer.Ordinal);

    public static async Task<(IReadOnlyDictionary<string, IndicatorDefinition> Declared, IReadOnlyList<string> RuleSets)> ForAsync(
        ScoringDbContext db, string tenant, int year, string unitKind, CancellationToken ct)
    {
        var versions = await db.RuleSetVersions.AsNoTracking().Where(r => r.Tenant == tenant).ToListAsync(ct);
        var declared = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var latest in versions.GroupBy(v => v.RuleSetId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                     .Select(g => RuleSetSelection.LatestVersion(g.Where(v => Load(v) is not null), v => Load(v)!, new RuleSetQuery(year))).OfType<RuleSetVersion>())
        {
            var ruleSet = Load(latest);
            if (ruleSet is null || !ruleSet.UnitKinds.Contains(unitKind) || !ruleSet.Years.Contains(year))
            {
                continue;
            }
            names.Add($"{ruleSet.Id}@{ruleSet.Version}");
            foreach (var indicator in ruleSet.Indicators)
            {
                declared.TryAdd(indicator.Id, indicator);
            }
        }
        return (declared, names);
    }

    private static RuleSet? Load(RuleSetVersion version) =>
        Loaded.GetOrAdd(version.Sha256, _ => RuleSetLoader.LoadText(version.Json, $"{version.RuleSetId}.rules.json").Document?.RuleSet);
}
