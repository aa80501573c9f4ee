using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Jobs;

/// <summary>
/// At start, re-schedules runs and phase reviews left Queued or Running (their host died): results are written only at the very end of a
/// run, so re-running completes them without any partial result. Re-scheduling an active run on another node is harmless:
/// only one executor can flip it to Completed.
/// </summary>
internal sealed class RunRecovery(IServiceScopeFactory scopes, IRunScheduler scheduler, IReviewScheduler reviews, ILogger<RunRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var pending = await db.ScoringRuns.AsNoTracking().Where(r => r.Status == RunStatus.Queued || r.Status == RunStatus.Running)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in pending)
        {
            logger.LogInformation("Resuming run {RunId} left unfinished.", id);
            await scheduler.ScheduleAsync(id, cancellationToken);
        }

        // Phase reviews too: their result is also written once, at the end.
        var pendingReviews = await db.PhaseReviews.AsNoTracking().Where(r => r.Status == RunStatus.Queued || r.Status == RunStatus.Running)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in pendingReviews)
        {
            logger.LogInformation("Resuming review {ReviewId} left unfinished.", id);
            await reviews.ScheduleAsync(id, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
