namespace Scoring.Host.Reviews;

/// <summary>Hands a review to the job scheduler (Hangfire); the job calls <see cref="ReviewExecutor"/>.</summary>
internal interface IReviewScheduler
{
    Task ScheduleAsync(long reviewId, CancellationToken ct);
}
