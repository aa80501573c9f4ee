namespace Scoring.Host.Runs;

/// <summary>A run's status and identity (rule-set hash + inputs hash).</summary>
public sealed record RunDto(
    long Id, string Tenant, int Year, string Scope, string RuleSet, string RuleSetVersion, string RuleSetSha256, string InputsSha256,
    string Status, int Progress, int Total, string? Error, string? ResultSha256, string CreatedAt, string? CompletedAt, string? PublishedAt);
