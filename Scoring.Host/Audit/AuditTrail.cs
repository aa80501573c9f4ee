using NodaTime;

namespace Scoring.Host.Audit;

/// <summary>
/// Adds an audit entry to the context: it is saved by the same <c>SaveChanges</c>, hence in the same transaction as the write.
/// </summary>
internal sealed class AuditTrail(IClock clock)
{
    public void Record(ScoringDbContext db, Actor actor, string action, string entity, string key, object? before, object? after) =>
        Record(db, Describe(actor), action, entity, key, before, after);

    /// <summary>How an authenticated actor appears in the audit log.</summary>
    public static string Describe(Actor actor) => actor.Name + " (" + actor.Role + ")";

    public void Record(ScoringDbContext db, string actor, string action, string entity, string key, object? before, object? after)
    {
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetCurrentInstant(),
            Actor = actor,
            Action = action,
            Entity = entity,
            EntityKey = key,
            BeforeSha256 = ContentHash.OfSnapshot(before),
            AfterSha256 = ContentHash.OfSnapshot(after),
        });
    }
}
