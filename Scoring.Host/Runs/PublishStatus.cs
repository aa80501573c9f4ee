namespace Scoring.Host.Runs;

/// <summary>What <see cref="RunPublisher.PublishAsync"/> did.</summary>
internal enum PublishStatus
{
    Published,
    NotFound,
    AlreadyPublished,
    NotCompleted,

    /// <summary>The movement needs the appraisal and the council's decisions, and some proposals have not had them (<see cref="CouncilGate"/>).</summary>
    AwaitingCouncil,

    /// <summary>Another request published the run between our read and our update.</summary>
    Raced,
}
