using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// Two hosts on one PostgreSQL database (the clustered set-up; SQLite cannot be shared) fire the reminder job at the same
/// moment: the outbox's unique key and the skipping insert keep each reminder, and its audit entry, to one.
/// </summary>
public sealed class ReminderJobClusterTests
{
    [Test]
    public async Task TwoHostsOnOneDatabase_FiringTogether_QueueEachReminderOnce()
    {
        var database = PostgresFixture.Instance.CreateDatabase();
        using var first = new ScoringHostFactory(database);
        _ = first.Server;
        await TestData.SeedAsync(first);
        using var second = new ScoringHostFactory(database);
        _ = second.Server;
        var threeDaysBefore = new LocalDateTime(2025, 11, 7, 8, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).ToInstant();
        first.Clock.Now = second.Clock.Now = threeDaysBefore;
        var jobs = new[] { first, second, first, second }.Select(h => ActivatorUtilities.CreateInstance<ReminderJob>(h.Services)).ToList();

        var counts = await Task.WhenAll(jobs.Select(j => Task.Run(() => j.RemindAsync(CancellationToken.None))));

        var outbox = await second.WithDbAsync(db => db.Outbox.ToListAsync());
        Assert.That(outbox.Select(o => o.DedupKey),
            Is.EquivalentTo(new[] { "xa-a", "xa-b", "xa-c", "xa-d" }.Select(u => ReminderJob.KeyFor("son-la", 2025, u, 3))), "nobody has submitted");
        Assert.That(counts.Sum(), Is.EqualTo(4), "the four firings together inserted each reminder once");
        Assert.That(await first.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "reminder.queue")), Is.EqualTo(4));
    }
}
