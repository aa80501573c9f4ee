namespace Scoring.Host.RuleSets;

/// <summary>
/// The diff of two published versions: every change field by field, the criterion changes, and — when a tenant and a
/// year are given — the impact of both versions scored on that year's data (otherwise both impacts are null).
/// </summary>
public sealed record RuleSetDiffDto(
    string From,
    string To,
    string FromSha256,
    string ToSha256,
    IReadOnlyList<CriterionChangeDto> Criteria,
    IReadOnlyList<RuleSetChangeDto> Changes,
    IReadOnlyList<RankImpactDto>? RankImpact,
    IReadOnlyList<AwardImpactDto>? AwardImpact);
