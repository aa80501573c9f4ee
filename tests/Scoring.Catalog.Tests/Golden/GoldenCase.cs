using System.Collections.Immutable;

namespace Scoring.Catalog.Tests.Golden;

/// <summary>
/// One hand-checked group of a tenant's samples: the rule set that scores it, the expected ranking (in rank order)
/// and telling criteria. The arithmetic is written down in docs/golden/&lt;tenant&gt;.md.
/// </summary>
internal sealed record GoldenCase(
    string Tenant,
    int Year,
    string Group,
    string RuleSetId,
    ImmutableArray<GoldenUnit> Ranking,
    ImmutableArray<GoldenCriterion> Criteria)
{
    public override string ToString() => $"{Tenant} {Group} {Year}";
}
