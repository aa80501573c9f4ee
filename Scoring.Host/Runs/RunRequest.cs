namespace Scoring.Host.Runs;

/// <summary>Enqueue a run: the year, the rule set (latest version when <c>version</c> is omitted) and the groups (all when empty).</summary>
public sealed record RunRequest(int Year, string RuleSet, string? Version, IReadOnlyList<string>? Groups);
