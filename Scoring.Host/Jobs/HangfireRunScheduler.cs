using Hangfire;

namespace Scoring.Host.Jobs;

/// <summary>Hands a run to Hangfire as a background job in the persistent storage (any host sharing the storage may take it).</summary>
internal sealed class HangfireRunScheduler(IBackgroundJobClient jobs, ILogger<HangfireRunScheduler> logger) : IRunScheduler
{
    public Task ScheduleAsync(long runId, CancellationToken ct)
    {
        var job = jobs.Enqueue<ScoringRunJob>(j => j.ExecuteAsync(runId, null, CancellationToken.None));
        logger.LogInformation("Run {RunId} enqueued as job {JobId}", runId, job);
        return Task.CompletedTask;
    }
}
