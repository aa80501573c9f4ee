using Hangfire;

namespace Scoring.Host.Jobs;

/// <summary>Hands a phase review to Hangfire as a background job in the persistent storage (any host sharing it may take it).</summary>
internal sealed class HangfireReviewScheduler(IBackgroundJobClient jobs, ILogger<HangfireReviewScheduler> logger) : IReviewScheduler
{
    public Task ScheduleAsync(long reviewId, CancellationToken ct)
    {
        var job = jobs.Enqueue<PhaseReviewJob>(j => j.ExecuteAsync(reviewId, CancellationToken.None));
        logger.LogInformation("Review {ReviewId} enqueued as job {JobId}", reviewId, job);
        return Task.CompletedTask;
    }
}
