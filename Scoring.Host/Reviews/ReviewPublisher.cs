using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Reviews;

/// <summary>
/// Publishes a completed review in one conditional UPDATE with its audit entry in the same transaction, as
/// <see cref="RunPublisher"/> publishes a run; a published review never changes again (the database refuses it, 0011).
/// </summary>
internal sealed class ReviewPublisher(ScoringDbContext db, AuditTrail audit, IClock clock, IOutputCacheStore pages)
{
    public async Task<(PublishStatus Status, PhaseReviewRecord? Review, Instant? PublishedAt)> PublishAsync(long id, string actor, CancellationToken ct)
    {
        var review = await db.PhaseReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return (PublishStatus.NotFound, null, null);
        }

        if (review.PublishedAt is not null)
        {
            return (PublishStatus.AlreadyPublished, review, review.PublishedAt);
        }

        if (review.Status != RunStatus.Completed)
        {
            return (PublishStatus.NotCompleted, review, null);
        }

        var now = clock.GetCurrentInstant();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.PhaseReviews.Where(r => r.Id == id && r.Status == RunStatus.Completed && r.PublishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PublishedAt, now).SetProperty(r => r.Concurrency, r => r.Concurrency + 1), ct);
        if (updated == 0)
        {
            return (PublishStatus.Raced, review, null);
        }

        audit.Record(db, actor, "review.publish", "review", ReviewService.Key(id), new { review.ResultSha256, publishedAt = (string?)null },
            new { review.ResultSha256, publishedAt = RunSnapshot.Format(now) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // Other hosts' pages vary by the review generation (ReviewGeneration), so they never serve the page from before.
        await pages.EvictByTagAsync(PublishedPageCachePolicy.Tag, ct);
        return (PublishStatus.Published, review, now);
    }
}
