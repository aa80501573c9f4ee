using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// Reminders at 7, 3 and 1 days before Sơn La's deadline (10/11, local Asia/Ho_Chi_Minh), judged against a test clock:
/// each (unit, year, offset) at most once whatever the firing pattern, only to units that have not submitted by then,
/// always with its audit entry. xa-a has submitted from the start.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class ReminderJobTests(Backend backend)
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
    private ScoringHostFactory host = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(backend);
        await TestData.SeedAsync(host);
        await SubmitAsync("xa-a");
    }

    [TearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public async Task FiringTwiceEveryDay_SendsEachOffsetOncePerUnit_OnItsDay()
    {
        for (var day = 1; day <= 11; day++)
        {
            await FireAtAsync(day, times: 2);
        }

        var outbox = await OutboxAsync();
        Assert.That(outbox.Select(o => o.DedupKey), Is.Unique);
        Assert.That(outbox.Select(o => (o.Recipient, Day: Local(o.CreatedAt).Day)), Is.EquivalentTo(new[]
        {
            ("xa-b", 3), ("xa-c", 3), ("xa-d", 3),
            ("xa-b", 7), ("xa-c", 7), ("xa-d", 7),
            ("xa-b", 9), ("xa-c", 9), ("xa-d", 9),
        }), "on 03/11 (7 days left), 07/11 (3 days) and 09/11 (1 day); xa-a has submitted");
        Assert.That(outbox.Where(o => o.Recipient == "xa-b").Select(o => o.DedupKey),
            Is.EqualTo(new[] { "reminder:son-la:2025:xa-b:7d", "reminder:son-la:2025:xa-b:3d", "reminder:son-la:2025:xa-b:1d" }));
        Assert.That(outbox.Single(o => o.DedupKey.EndsWith("xa-c:1d", StringComparison.Ordinal)).Body, Does.Contain("10/11/2025").And.Contain("còn 1 ngày"));
        await AssertAuditedAsync(outbox);
    }

    [Test]
    public async Task UnitThatSubmitsBetweenReminders_GetsNoMore()
    {
        await FireAtAsync(3);
        await SubmitAsync("xa-b");
        await FireAtAsync(7);
        await FireAtAsync(9);

        var outbox = await OutboxAsync();
        Assert.That(outbox.Where(o => o.Recipient == "xa-b").Select(o => o.DedupKey), Is.EqualTo(new[] { "reminder:son-la:2025:xa-b:7d" }));
        Assert.That(outbox.Count(o => o.Recipient == "xa-c"), Is.EqualTo(3));
        await AssertAuditedAsync(outbox);
    }

    [Test]
    public async Task MissedDays_AreCaughtUpOnce_NotWithEveryMissedReminder()
    {
        Assert.That(await FireAtAsync(5), Is.EqualTo(3), "first run five days before: the 7-day reminder, late");
        Assert.That(await FireAtAsync(6), Is.Zero);
        Assert.That(await FireAtAsync(10), Is.EqualTo(3), "the deadline day: the 1-day reminder; the 3-day one was missed and is not sent any more");
        Assert.That(await FireAtAsync(11), Is.Zero, "after the deadline");

        var outbox = await OutboxAsync();
        Assert.That(outbox.Select(o => o.DedupKey[(o.DedupKey.LastIndexOf(':') + 1)..]).Distinct(), Is.EqualTo(new[] { "7d", "1d" }));
        Assert.That(outbox.First(o => o.DedupKey.EndsWith(":7d", StringComparison.Ordinal)).Body, Does.Contain("còn 5 ngày"));
        Assert.That(outbox.First(o => o.DedupKey.EndsWith(":1d", StringComparison.Ordinal)).Body, Does.Contain("hôm nay là ngày cuối"));
    }

    [Test]
    public async Task ConcurrentFirings_WriteEachReminderOnce_WithOneAuditEntryEach()
    {
        host.Clock.Now = At(3);
        var jobs = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<ReminderJob>(host.Services)).ToList();

        var counts = await Task.WhenAll(jobs.Select(j => Task.Run(() => j.RemindAsync(CancellationToken.None))));

        var outbox = await OutboxAsync();
        Assert.That(outbox, Has.Count.EqualTo(3));
        Assert.That(counts.Sum(), Is.EqualTo(3), "the firings together inserted each reminder once");
        await AssertAuditedAsync(outbox);
    }

    [Test]
    public async Task DaysBefore_IsConfigurable()
    {
        host.Dispose();
        host = ApiHost.Start(backend, new Dictionary<string, string?> { ["Reminders:DaysBefore"] = "2" });
        await TestData.SeedAsync(host);

        Assert.That(await FireAtAsync(7), Is.Zero, "no 7-day reminder when only 2 days is configured");
        Assert.That(await FireAtAsync(8), Is.EqualTo(4));
        Assert.That((await OutboxAsync()).Select(o => o.DedupKey), Has.All.EndsWith(":2d"));
    }

    /// <summary>08:00 local on <paramref name="day"/> November 2025.</summary>
    private static Instant At(int day) => new LocalDateTime(2025, 11, day, 8, 0).InZoneStrictly(Zone).ToInstant();

    private static LocalDate Local(Instant instant) => instant.InZone(Zone).Date;

    private async Task<int> FireAtAsync(int day, int times = 1)
    {
        host.Clock.Now = At(day);
        var job = ActivatorUtilities.CreateInstance<ReminderJob>(host.Services);
        var total = 0;
        for (var i = 0; i < times; i++)
        {
            total += await job.RemindAsync(CancellationToken.None);
        }

        return total;
    }

    private Task<List<OutboxMessage>> OutboxAsync() => host.WithDbAsync(db => db.Outbox.OrderBy(o => o.Id).ToListAsync());

    private async Task AssertAuditedAsync(List<OutboxMessage> outbox)
    {
        var audited = await host.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "reminder.queue").Select(a => a.EntityKey).ToListAsync());
        Assert.That(audited, Is.EquivalentTo(outbox.Select(o => o.DedupKey)), "one audit entry per queued reminder");
    }

    private async Task SubmitAsync(string unit)
    {
        using var client = host.ClientFor(Roles.Unit, TestData.Tenant, unit);
        await TestData.Ensure(await client.PutAsJsonAsync($"/api/tenants/son-la/submissions/2025/{unit}", new SubmissionValues(new() { ["staffTrained"] = "5" })));
        await TestData.Ensure(await client.PostAsync($"/api/tenants/son-la/submissions/2025/{unit}/submit", null));
    }
}
