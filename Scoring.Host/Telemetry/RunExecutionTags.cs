namespace Scoring.Host.Telemetry;

internal static class RunExecutionTags
{
    /// <summary>The metric tag value: lower-case words with underscores, as Prometheus labels usually are.</summary>
    public static string Tag(this RunExecution outcome) => outcome switch
    {
        RunExecution.Completed => "completed",
        RunExecution.Failed => "failed",
        RunExecution.Skipped => "skipped",
        RunExecution.CompletedElsewhere => "completed_elsewhere",
        _ => "cancelled",
    };
}
