namespace Scoring.Host.Runs;

/// <summary>Hands a run to the job scheduler (Hangfire); the job calls <see cref="RunExecutor"/>.</summary>
internal interface IRunScheduler
{
    Task ScheduleAsync(long runId, CancellationToken ct);
}
