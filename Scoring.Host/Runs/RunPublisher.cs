using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Runs;

/// <summary>
/// Publishes a completed run in one conditional UPDATE (atomic) with its audit entry in the same transaction; a published
/// run never changes again. Used by the API and by first-start seeding.
/// </summary>
internal sealed class RunPublisher(ScoringDbContext db, AuditTrail audit, IClock clock, IResultCache cache, CouncilGate council)
{
    public async Task<PublishOutcome> PublishAsync(long id, string actor, CancellationToken ct)
    {
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return new PublishOutcome(PublishStatus.NotFound, null, null);
        }

        if (run.PublishedAt is not null)
        {
            return new PublishOutcome(PublishStatus.AlreadyPublished, run, run.PublishedAt);
        }

        if (run.Status != RunStatus.Completed)
        {
            return new PublishOutcome(PublishStatus.NotCompleted, run, null);
        }

        if (await council.HoldAsync(run, ct) is { } hold)
        {
            return new PublishOutcome(PublishStatus.AwaitingCouncil, run, null, hold);
        }

        var now = clock.GetCurrentInstant();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.ScoringRuns.Where(r => r.Id == id && r.Status == RunStatus.Completed && r.PublishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PublishedAt, now).SetProperty(r => r.Concurrency, r => r.Concurrency + 1), ct);
        if (updated == 0)
        {
            return new PublishOutcome(PublishStatus.Raced, run, null);
        }

        var before = RunSnapshot.Of(run);
        audit.Record(db, actor, "run.publish", "run", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before, before with { PublishedAt = RunSnapshot.Format(now) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await cache.InvalidateAsync(run.TenantCode, run.Year);
        return new PublishOutcome(PublishStatus.Published, run, now);
    }
}
