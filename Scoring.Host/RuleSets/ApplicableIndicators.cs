using Scoring.Rules.Model;

namespace Scoring.Host.RuleSets;

/// <summary>
/// The indicators a unit's values are checked against: those declared by the tenant's published rule sets that apply to
/// the unit's kind in the year (<see cref="PublishedRuleSets.ForUnitAsync"/>: of each rule set, the highest version
/// covering the year, as runs pick).
/// </summary>
internal static class ApplicableIndicators
{
    public static async Task<(IReadOnlyDictionary<string, IndicatorDefinition> Declared, IReadOnlyList<string> RuleSets)> ForAsync(
        ScoringDbContext db, PublishedRuleSets ruleSets, string tenant, int year, string unitKind, CancellationToken ct)
    {
        var declared = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var version in await ruleSets.ForUnitAsync(db, tenant, year, unitKind, ct))
        {
            var ruleSet = ruleSets.RuleSet(version);
            names.Add($"{ruleSet.Id}@{ruleSet.Version}");
            foreach (var indicator in ruleSet.Indicators)
            {
                declared.TryAdd(indicator.Id, indicator);
            }
        }

        return (declared, names);
    }
}
