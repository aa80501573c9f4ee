using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// The jobs fired by Quartz itself, on the real persistent SQLite store of an in-process host (the calendar triggers are
/// paused; these tests add their own triggers or use <see cref="IScheduler.TriggerJob(JobKey, CancellationToken)"/>), and the
/// store surviving a restart of the host on the same data folder.
/// </summary>
public sealed class QuartzFiringTests
{
    private const string Movement = "dmst-cds-2025-2030";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task YearlyJob_TriggeredThroughQuartz_EnqueuesAndCompletesTheRunOfTheYearWhoseDeadlinePassed()
    {
        using var host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
        var scheduler = await host.Service<ISchedulerFactory>().GetScheduler();
        var movement = await host.WithDbAsync(db => db.Movements.SingleAsync());
        var year = YearlyScoringJob.YearOf(movement, SystemClock.Instance.GetCurrentInstant());
        if (year != 2025)
        {
            using var admin = host.ClientFor(Roles.Administrator);
            await TestData.Ensure(await admin.PostAsync($"/api/tenants/son-la/groups/{year}/import", TestData.Csv(TestData.GroupsCsv, $"groups-{year}.csv")));
        }

        await scheduler.TriggerJob(YearlySchedule.JobKeyFor("son-la", Movement));

        var run = await WaitForRunAsync(host, r => r.Year == year);
        Assert.That(run.CreatedBy, Is.EqualTo("scheduler"));
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed), run.Error);
        Assert.That(await host.WithDbAsync(db => db.UnitResults.CountAsync(u => u.RunId == run.Id)), Is.EqualTo(4));
    }

    [Test]
    public async Task YearlyJob_FiringLateInJanuary_ScoresTheYearOfItsScheduledDeadline()
    {
        using var host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
        host.Clock.Now = Instant.FromUtc(2026, 1, 5, 2, 0);   // the host came back in January
        var scheduler = await host.Service<ISchedulerFactory>().GetScheduler();

        // The deadline's firing, handled late: Quartz keeps its scheduled time (23:59:59 on 10/11/2025 local).
        var late = TriggerBuilder.Create().WithIdentity("deadline-2025", "tests").ForJob(YearlySchedule.JobKeyFor("son-la", Movement))
            .StartAt(new DateTimeOffset(2025, 11, 10, 16, 59, 59, TimeSpan.Zero))
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires))
            .Build();
        await scheduler.ScheduleJob(late);

        var run = await WaitForRunAsync(host, _ => true);
        Assert.That(run.Year, Is.EqualTo(2025), "not 2026, the clock's year");
        Assert.That(run.Status, Is.EqualTo(RunStatus.Completed), run.Error);
    }

    [Test]
    public async Task ReminderJob_TriggeredThroughQuartz_QueuesTheReminders()
    {
        using var host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
        host.Clock.Now = Instant.FromUtc(2025, 11, 3, 1, 0);   // 08:00 on 03/11 local: 7 days before 10/11
        var scheduler = await host.Service<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(JobScheduleInitializer.ReminderJobKey);

        await Poll.UntilAsync("four reminders in the outbox", Timeout, async () => await host.WithDbAsync(db => db.Outbox.CountAsync()) == 4);
        var keys = await host.WithDbAsync(db => db.Outbox.OrderBy(o => o.Recipient).Select(o => o.DedupKey).ToListAsync());
        Assert.That(keys, Is.EqualTo(new[] { "xa-a", "xa-b", "xa-c", "xa-d" }.Select(u => ReminderJob.KeyFor("son-la", 2025, u, 7))));
        await Poll.UntilAsync("one audit entry per reminder", Timeout, async () => await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "reminder.queue")) == 4);
    }

    [Test]
    public async Task SqliteStore_KeepsJobsAndTriggersAcrossARestart()
    {
        var folder = Directory.CreateTempSubdirectory("scoring-quartz-").FullName;
        var settings = new Dictionary<string, string?> { ["Scheduler:InstanceName"] = "restart-" + Guid.NewGuid().ToString("N") };
        var key = new JobKey("probe", "tests");
        var at = new DateTimeOffset(2099, 1, 1, 1, 0, 0, TimeSpan.Zero);
        try
        {
            using (var first = new ScoringHostFactory(settings: settings, dataDirectory: folder))
            {
                var scheduler = await first.Service<ISchedulerFactory>().GetScheduler();
                var job = JobBuilder.Create<ReminderJob>().WithIdentity(key).UsingJobData("note", "còn đây").StoreDurably().Build();
                await scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity("probe", "tests").ForJob(job).StartAt(at).Build());
            }

            using var second = new ScoringHostFactory(settings: settings, dataDirectory: folder);
            var restarted = await second.Service<ISchedulerFactory>().GetScheduler();
            var stored = await restarted.GetJobDetail(key);
            var trigger = await restarted.GetTrigger(new TriggerKey("probe", "tests"));

            Assert.That(stored?.JobDataMap.GetString("note"), Is.EqualTo("còn đây"));
            Assert.That(trigger?.NextFireTimeUtc, Is.EqualTo(at));
            Assert.That(await restarted.GetTrigger(YearlySchedule.TriggerKeyFor("son-la", Movement)), Is.Null, "nothing seeded: only what was stored");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Test]
    public async Task CalendarTriggers_PausedInTestHosts_AreResumedByAHostStartedWithoutThePause()
    {
        var folder = Directory.CreateTempSubdirectory("scoring-quartz-").FullName;
        var name = "resume-" + Guid.NewGuid().ToString("N");
        var key = YearlySchedule.TriggerKeyFor("son-la", Movement);
        try
        {
            using (var paused = new ScoringHostFactory(settings: new Dictionary<string, string?> { ["Scheduler:InstanceName"] = name }, dataDirectory: folder))
            {
                await TestData.SeedAsync(paused);
                var scheduler = await paused.Service<ISchedulerFactory>().GetScheduler();
                Assert.That(await scheduler.GetTriggerState(key), Is.EqualTo(TriggerState.Paused));
            }

            using var resumed = new ScoringHostFactory(
                settings: new Dictionary<string, string?> { ["Scheduler:InstanceName"] = name, ["Scheduler:PauseCalendarTriggers"] = "false" }, dataDirectory: folder);
            var restarted = await resumed.Service<ISchedulerFactory>().GetScheduler();

            Assert.That(await restarted.GetTriggerState(key), Is.EqualTo(TriggerState.Normal));
            Assert.That(await restarted.GetTriggerState(JobScheduleInitializer.ReminderTriggerKey), Is.EqualTo(TriggerState.Normal));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

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
