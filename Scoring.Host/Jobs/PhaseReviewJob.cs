using Hangfire;

namespace Scoring.Host.Jobs;

/// <summary>
/// Executes one phase review as a Hangfire background job in the shared storage; a job taken over from a host that died
/// runs again, and <see cref="ReviewExecutor"/> writes the result once.
/// </summary>
[AutomaticRetry(Attempts = 3)]
internal sealed class PhaseReviewJob(ReviewExecutor executor)
{
    public Task ExecuteAsync(long reviewId, CancellationToken ct) => executor.ExecuteAsync(reviewId, ct);
}
