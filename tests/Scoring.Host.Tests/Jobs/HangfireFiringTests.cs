using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// The jobs executed by Hangfire itself, on the real persistent storage of in-process hosts (SQLite file or PostgreSQL schema):
/// jobs enqueued explicitly (the test hosts keep calendar jobs paused), what the pause does to recurring jobs, a deadline
/// missed while no host ran (caught up once at the next start without the pause), and the storage surviving a restart.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class HangfireFiringTests(Backend backend)
{
    private const string Movement = "dmst-cds-2025-2030";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
    private readonly List<ScoringHostFactory> hosts = [];
    private string folder = null!;
    private string? database;

    [SetUp]
    public void PrepareStorage()
    {
        folder = Directory.CreateTempSubdirectory("scoring-hangfire-").FullName;
        database = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
    }

    [TearDown]
    public void StopHosts()
    {
        foreach (var host in hosts)
        {
            host.Dispose();
        }

        Directory.Delete(folder, true);
    }

    [Test]
    public async Task YearlyJob_EnqueuedThroughHangfire_EnqueuesAndCompletesTheRunOfTheYearWhoseDeadlinePassed()
    {
        var host = Start(paused: true, now: Instant.FromUtc(2025, 10, 1, 3, 0));
        await TestData.SeedAsync(host);
        host.Clock.Now = Local(2025, 11, 10, 23, 59, 59);   // the deadline

        host.Service<IBackgroundJobClient>().Enqueue<YearlyScoringJob>(j => j.FireAsync("son-la", Movement, CancellationToken.None));

        var run = await WaitForRunAsync(host, r => r.Year == 2025);
        Assert.That(run.CreatedBy, Is.EqualTo("scheduler"));
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed), run.Error);
        Assert.That(await host.WithDbAsync(db => db.UnitResults.CountAsync(u => u.RunId == run.Id)), Is.EqualTo(4));
    }

    [Test]
    public async Task ReminderJob_EnqueuedThroughHangfire_QueuesTheReminders()
    {
        var host = Start(paused: true, now: Local(2025, 11, 3, 8, 0, 0));   // 7 days before 10/11
        await TestData.SeedAsync(host);

        host.Service<IBackgroundJobClient>().Enqueue<ReminderJob>(j => j.RemindAsync(CancellationToken.None));

        await Poll.UntilAsync("four reminders in the outbox", Timeout, async () => await host.WithDbAsync(db => db.Outbox.CountAsync()) == 4);
        var keys = await host.WithDbAsync(db => db.Outbox.OrderBy(o => o.Recipient).Select(o => o.DedupKey).ToListAsync());
        Assert.That(keys, Is.EqualTo(new[] { "xa-a", "xa-b", "xa-c", "xa-d" }.Select(u => ReminderJob.KeyFor("son-la", 2025, u, 7))));
        await Poll.UntilAsync("one audit entry per reminder", Timeout, async () => await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "reminder.queue")) == 4);
    }

    [Test]
    public async Task RecurringJob_FiresOnAHostWithoutThePause_AndCreatesNothingOnAPausedHost()
    {
        var live = Start(paused: false, now: Local(2025, 11, 3, 8, 0, 0));
        await TestData.SeedAsync(live);
        AddEverySecond(live);

        await Poll.UntilAsync("the recurring job fired by the calendar queued the reminders", Timeout,
            async () => await live.WithDbAsync(db => db.Outbox.CountAsync()) == 4);
        live.Dispose();
        hosts.Remove(live);

        Directory.Delete(folder, true);
        folder = Directory.CreateTempSubdirectory("scoring-hangfire-").FullName;
        database = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        var paused = Start(paused: true, now: Local(2025, 11, 3, 8, 0, 0));
        await TestData.SeedAsync(paused);
        var added = AddEverySecond(paused);

        // Hangfire's scheduler moves the job on (its occurrences pass) but the pause cancels every job it would create.
        await Poll.UntilAsync("three occurrences of the every-second job passed on the paused host", Timeout,
            () => Task.FromResult(Probe(paused)?.LastExecution is { } last && last > added.AddSeconds(3)));
        var probe = Probe(paused)!;
        Assert.That(probe.LastJobId, Is.Null, "no background job was created by the calendar");
        Assert.That(await paused.WithDbAsync(db => db.Outbox.CountAsync()), Is.Zero);
        Assert.That(paused.Service<JobStorage>().GetMonitoringApi().GetStatistics().Enqueued
            + paused.Service<JobStorage>().GetMonitoringApi().GetStatistics().Succeeded, Is.Zero, "no job at all");
    }

    [Test]
    public async Task DeadlineMissedWhileNoHostRan_IsScoredOnceByTheNextStartWithoutThePause_AndNotAgainAfterwards()
    {
        using (var before = Start(paused: true, now: Instant.FromUtc(2025, 10, 1, 3, 0)))
        {
            await TestData.SeedAsync(before);
            Assert.That(await LastScoredAsync(before), Is.EqualTo(2024), "scheduled before the 2025 deadline");
        }

        // No host ran over 23:59:59 on 10/11/2025; one starts (without the pause) in January 2026.
        var after = Start(paused: false, now: Local(2026, 1, 5, 9, 0, 0));
        var run = await WaitForRunAsync(after, _ => true);
        Assert.That(run.Year, Is.EqualTo(2025), "the year whose deadline was missed, not 2026, the clock's year");
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed), run.Error);
        Assert.That(run.CreatedBy, Is.EqualTo("scheduler"));
        await Poll.UntilAsync("2025 recorded as scored", Timeout, async () => await LastScoredAsync(after) == 2025);
        Assert.That(await CatchUpsDoneAsync(after), Is.EqualTo(1));
        after.Dispose();
        hosts.Remove(after);

        // A later start, and a late firing of the deadline's own job, find nothing left to score.
        var again = Start(paused: false, now: Local(2026, 1, 6, 9, 0, 0));
        await Poll.UntilAsync("the second start's catch-up done", Timeout, async () => await CatchUpsDoneAsync(again) == 2);
        await ActivatorUtilities.CreateInstance<YearlyScoringJob>(again.Services).FireAsync("son-la", Movement, CancellationToken.None);

        Assert.That(await again.WithDbAsync(db => db.ScoringRuns.CountAsync()), Is.EqualTo(1), "the missed year is scored once");
        Assert.That(await LastScoredAsync(again), Is.EqualTo(2025));
    }

    [Test]
    public async Task Storage_KeepsRecurringJobsAcrossARestart()
    {
        DateTime? next;
        using (var first = Start(paused: true, now: Instant.FromUtc(2025, 10, 1, 3, 0)))
        {
            first.Service<IRecurringJobManager>().AddOrUpdate<ReminderJob>("probe", j => j.RemindAsync(CancellationToken.None), "0 1 1 1 *",
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh") });
            next = Recurring(first).Single(j => j.Id == "probe").NextExecution;
        }

        var second = Start(paused: true, now: Instant.FromUtc(2025, 10, 1, 3, 0));
        var stored = Recurring(second);

        Assert.That(stored.SingleOrDefault(j => j.Id == "probe")?.NextExecution, Is.EqualTo(next).And.Not.Null);
        Assert.That(stored.Single(j => j.Id == "probe").Job.Method.Name, Is.EqualTo(nameof(ReminderJob.RemindAsync)));
        Assert.That(stored.Select(j => j.Id), Does.Not.Contain(YearlySchedule.JobIdFor("son-la", Movement)), "nothing seeded: only what was stored");
    }

    private ScoringHostFactory Start(bool paused, Instant now)
    {
        var host = new ScoringHostFactory(database, dataDirectory: folder,
            settings: new Dictionary<string, string?> { ["Scheduler:PauseCalendarTriggers"] = paused ? "true" : "false" },
            services: s =>
            {
                s.RemoveAll<IRunCalculator>();
                s.AddSingleton<IRunCalculator>(new SumCalculator());
            });
        host.Clock.Now = now;
        _ = host.Server;
        hosts.Add(host);
        return host;
    }

    private static Instant Local(int year, int month, int day, int hour, int minute, int second) =>
        new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(Zone).ToInstant();

    /// <summary>A recurring job calling the reminder job every second; returns when it was added (UTC).</summary>
    private static DateTime AddEverySecond(ScoringHostFactory host)
    {
        var added = DateTime.UtcNow;
        host.Service<IRecurringJobManager>().AddOrUpdate<ReminderJob>("probe", j => j.RemindAsync(CancellationToken.None), "* * * * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh") });
        return added;
    }

    private static RecurringJobDto? Probe(ScoringHostFactory host) => Recurring(host).SingleOrDefault(j => j.Id == "probe");

    private static List<RecurringJobDto> Recurring(ScoringHostFactory host)
    {
        using var connection = host.Service<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }

    private static Task<int> CatchUpsDoneAsync(ScoringHostFactory host)
    {
        var monitoring = host.Service<JobStorage>().GetMonitoringApi();
        return Task.FromResult(monitoring.SucceededJobs(0, 1000).Count(j => j.Value.Job?.Method.Name == nameof(YearlyScoringJob.CatchUpAsync)));
    }

    private static Task<int?> LastScoredAsync(ScoringHostFactory host) =>
        host.WithDbAsync(db => YearlyScoringLedger.LastScoredAsync(db, "son-la", Movement, CancellationToken.None));

    private static async Task<ScoringRun> WaitForRunAsync(ScoringHostFactory host, Func<ScoringRun, bool> which)
    {
        ScoringRun? run = null;
        await Poll.UntilAsync("a finished run enqueued by the yearly job", Timeout, async () =>
        {
            run = (await host.WithDbAsync(db => db.ScoringRuns.AsNoTracking().ToListAsync())).FirstOrDefault(r => which(r) && r.Status is RunStatus.Completed or RunStatus.Failed);
            return run is not null;
        });
        return run!;
    }
}
