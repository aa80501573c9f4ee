using NodaTime;

namespace Scoring.Host.Runs;

/// <summary>
/// The result of publishing: the status, the run as read before publishing (null when not found), when it was published, and
/// for <see cref="PublishStatus.AwaitingCouncil"/> what is missing (Vietnamese).
/// </summary>
internal sealed record PublishOutcome(PublishStatus Status, ScoringRun? Run, Instant? PublishedAt, string? Hold = null);
