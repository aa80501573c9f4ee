namespace Scoring.Host.Telemetry;

/// <summary>How one execution of a run ended, as the <c>outcome</c> tag of the run metrics says it.</summary>
internal enum RunExecution
{
    /// <summary>Scored and stored by this execution.</summary>
    Completed,

    /// <summary>Scoring or storing failed; the run is marked failed with the reason.</summary>
    Failed,

    /// <summary>Nothing to do: the run does not exist or was already completed.</summary>
    Skipped,

    /// <summary>Scored, but another executor stored the run first; nothing written here.</summary>
    CompletedElsewhere,

    /// <summary>Stopped by the host shutting down; the run is resumed later.</summary>
    Cancelled,
}
