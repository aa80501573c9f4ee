namespace Scoring.Host.Export;

/// <summary>
/// Every unit's movement score and grade from one run, pinned to it: the run id, the rule set's id, version and SHA-256, the
/// inputs' and result's SHA-256, and when it was published (null before publication). <c>scale</c> is the points the
/// cluster's general sheet gives the movement's criterion, when asked for.
/// </summary>
public sealed record MovementScoreSheetDto(long Run, string Tenant, string TenantName, string Movement, int Year, string RuleSet, string Version,
    string RuleSetSha256, string InputsSha256, string? ResultSha256, string? PublishedAt, decimal? Scale, IReadOnlyList<MovementScoreDto> Units);
