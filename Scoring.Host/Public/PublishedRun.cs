using NodaTime;

namespace Scoring.Host.Public;

/// <summary>A published run with the rule-set version it pinned and its latest verification (null: never verified).</summary>
internal sealed record PublishedRun(long Id, Instant PublishedAt, string? ResultSha256, string InputsSha256, RuleSetVersion RuleSet, LastVerification? LastVerified = null);
