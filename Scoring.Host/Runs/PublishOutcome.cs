using NodaTime;

namespace Scoring.Host.Runs;

/// <summary>The result of publishing: the status, the run as read before publishing (null when not found) and when it was published.</summary>
internal sealed record PublishOutcome(PublishStatus Status, ScoringRun? Run, Instant? PublishedAt);
