namespace Scoring.Host.Runs;

/// <summary>What <see cref="RunPublisher.PublishAsync"/> did.</summary>
internal enum PublishStatus
{
    Published,
    NotFound,
    AlreadyPublished,
    NotCompleted,

    /// <summary>Another request published the run between our read and our update.</summary>
    Raced,
}
