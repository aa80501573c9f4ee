using Scoring.Rules.Loading;

namespace Scoring.Host.UnitWorkspace;

/// <summary>
/// The rule set that will score a unit in a year: the first (by id) of the tenant's published rule sets that apply to the
/// unit's kind in the year (<see cref="PublishedRuleSets.ForUnitAsync"/>), read through the host's one store.
/// </summary>
internal static class ApplicableRuleSet
{
    public static async Task<(RuleSetVersion Version, RuleSetDocument Document)?> ForAsync(ScoringDbContext db, PublishedRuleSets ruleSets,
        string tenant, int year, string unitKind, CancellationToken ct) =>
        (await ruleSets.ForUnitAsync(db, tenant, year, unitKind, ct)).FirstOrDefault() is { } version ? (version, ruleSets.Document(version)) : null;
}
