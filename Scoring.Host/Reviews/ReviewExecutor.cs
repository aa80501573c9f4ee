using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Reviews;

/// <summary>
/// Executes a review, as <see cref="RunExecutor"/> executes a run: Queued → Running, compute (<see cref="ReviewCalculator"/>),
/// then ONE conditional update Running → Completed that writes the result and its hash: a second executor of the same
/// review (another host, or Hangfire taking over a job) finds nothing to flip and writes nothing. A failure marks it Failed
/// with a Vietnamese reason; enqueueing it again resumes it. Start, failure and completion are audited.
/// </summary>
internal sealed class ReviewExecutor(IServiceScopeFactory scopes, IClock clock, ILogger<ReviewExecutor> logger)
{
    private const string Actor = "scheduler";

    public async Task ExecuteAsync(long reviewId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var review = await db.PhaseReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null || review.Status == RunStatus.Completed)
        {
            return;
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var started = await db.PhaseReviews.Where(r => r.Id == reviewId && r.Status != RunStatus.Completed)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.StartedAt, clock.GetCurrentInstant())
                    .SetProperty(r => r.Error, (string?)null), ct);
            if (started == 1)
            {
                audit.Record(db, Actor, "review.start", "review", ReviewService.Key(reviewId), new { status = review.Status.ToString() }, new { status = "Running" });
                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        try
        {
            var computation = await scope.ServiceProvider.GetRequiredService<ReviewCalculator>()
                .ComputeAsync(RunJson.Deserialize<ReviewInputs>(review.InputsJson), ct);
            await StoreAsync(db, audit, reviewId, computation.Json, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Review {ReviewId} failed", reviewId);
            await FailAsync(db, audit, reviewId, e.Message);
        }
    }

    private async Task StoreAsync(ScoringDbContext db, AuditTrail audit, long reviewId, string json, CancellationToken ct)
    {
        var sha = ContentHash.Of(json);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var flipped = await db.PhaseReviews.Where(r => r.Id == reviewId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Completed).SetProperty(r => r.CompletedAt, clock.GetCurrentInstant())
                .SetProperty(r => r.ResultJson, json).SetProperty(r => r.ResultSha256, sha)
                .SetProperty(r => r.Concurrency, r => r.Concurrency + 1), ct);
        if (flipped == 0)
        {
            logger.LogInformation("Review {ReviewId} was completed by another executor; nothing written.", reviewId);
            await tx.RollbackAsync(ct);
            return;
        }

        audit.Record(db, Actor, "review.complete", "review", ReviewService.Key(reviewId), new { status = "Running" }, new { status = "Completed", result = sha });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Review {ReviewId} completed: result {Sha}", reviewId, sha[..12]);
    }

    private static async Task FailAsync(ScoringDbContext db, AuditTrail audit, long reviewId, string error)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var failed = await db.PhaseReviews.Where(r => r.Id == reviewId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Failed).SetProperty(r => r.Error, error), CancellationToken.None);
        if (failed == 1)
        {
            audit.Record(db, Actor, "review.fail", "review", ReviewService.Key(reviewId), new { status = "Running" }, new { status = "Failed", error });
            await db.SaveChangesAsync(CancellationToken.None);
        }

        await tx.CommitAsync(CancellationToken.None);
    }
}
