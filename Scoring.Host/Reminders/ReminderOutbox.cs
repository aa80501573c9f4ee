using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Reminders;

/// <summary>
/// Reminders to submit the year's report, in the outbox (no mail server: an operator or a relay delivers them) with their
/// audit entries. Keys start <c>reminder:{tenant}:{year}:{unit}:</c>: the daily job adds its offset (<c>7d</c>), a
/// secretariat's reminder <c>thu-ky:{local date}</c>, so each is queued once however often it is asked for. The unit reads
/// its reminders on its report page; the secretariat sees on its board when each unit was last reminded.
/// </summary>
internal static class ReminderOutbox
{
    public const string Kind = "reminder";
    private static readonly LocalDatePattern KeyDate = LocalDatePattern.Iso;

    public static string Prefix(string tenant, int year, string unit) =>
        $"reminder:{tenant}:{year.ToString(CultureInfo.InvariantCulture)}:{unit}:";

    /// <summary>The key of a secretariat's reminder: one per unit and local day.</summary>
    public static string SecretariatKey(string tenant, int year, string unit, LocalDate today) =>
        Prefix(tenant, year, unit) + "thu-ky:" + KeyDate.Format(today);

    /// <summary>
    /// Inserts the message unless its key is already in the outbox (another firing, another host or a second click got
    /// there first), and records the audit entry in the same transaction only when it was inserted.
    /// </summary>
    public static async Task<bool> TryQueueAsync(ScoringDbContext db, AuditTrail audit, string actor, OutboxMessage m, object details, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ticks = m.CreatedAt.ToUnixTimeTicks();
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO outbox_messages (created_at, kind, tenant_code, recipient, subject, body, dedup_key) VALUES ({ticks}, {m.Kind}, {m.TenantCode}, {m.Recipient}, {m.Subject}, {m.Body}, {m.DedupKey}) ON CONFLICT (dedup_key) DO NOTHING",
            ct);
        if (inserted == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        audit.Record(db, actor, "reminder.queue", "outbox", m.DedupKey, null, details);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The reminders a unit was sent for a year, newest first.</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> ForUnitAsync(ScoringDbContext db, string tenant, int year, string unit, CancellationToken ct)
    {
        var prefix = Prefix(tenant, year, unit);
        var sent = await db.Outbox.AsNoTracking()
            .Where(m => m.Kind == Kind && m.TenantCode == tenant && m.Recipient == unit && m.DedupKey.StartsWith(prefix)).ToListAsync(ct);
        return [.. sent.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)];
    }

    /// <summary>For each of the units reminded for the year: how many reminders and when the last one was queued.</summary>
    public static async Task<IReadOnlyDictionary<string, (int Count, Instant Last)>> SummaryAsync(ScoringDbContext db, string tenant, int year,
        IReadOnlyCollection<string> units, CancellationToken ct)
    {
        var codes = units.ToList();
        var sent = await db.Outbox.AsNoTracking().Where(m => m.Kind == Kind && m.TenantCode == tenant && codes.Contains(m.Recipient))
            .Select(m => new { m.Recipient, m.DedupKey, m.CreatedAt }).ToListAsync(ct);
        return sent.Where(m => m.DedupKey.StartsWith(Prefix(tenant, year, m.Recipient), StringComparison.Ordinal))
            .GroupBy(m => m.Recipient, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Max(m => m.CreatedAt)), StringComparer.Ordinal);
    }
}
