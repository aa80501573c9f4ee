using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Quartz;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// The yearly triggers (one per movement, at its deadline in Asia/Ho_Chi_Minh) and the jobs behind them, inspected and
/// fired explicitly: the test hosts keep calendar triggers paused (<see cref="CalendarTriggersPaused"/>).
/// </summary>
public sealed class JobsTests
{
    private const string Movement = "dmst-cds-2025-2030";
    private ScoringHostFactory host = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
        using var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        await TestData.Ensure(await unit.PutAsJsonAsync("/api/tenants/son-la/submissions/2025/xa-a", new SubmissionValues(new() { ["staffTrained"] = "5" })));
        await TestData.Ensure(await unit.PostAsync("/api/tenants/son-la/submissions/2025/xa-a/submit", null));
    }

    [TearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public async Task Scheduler_IsPersistentAndHasTheYearlyTriggerAtTheLocalDeadline_Paused()
    {
        var scheduler = await host.Service<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        var key = YearlySchedule.TriggerKeyFor("son-la", Movement);
        var trigger = (ICronTrigger?)await scheduler.GetTrigger(key);

        Assert.That(metadata.JobStorePersistent, Is.True);
        Assert.That(trigger?.CronExpressionString, Is.EqualTo("59 59 23 10 11 ?"), "the yearly trigger of son-la's movement exists and fires at its deadline");
        var yearly = trigger!;
        Assert.That(yearly.TimeZone.Id, Is.EqualTo("Asia/Ho_Chi_Minh"));
        Assert.That(yearly.JobDataMap.GetString(YearlyScoringJob.MovementKey) ?? (await scheduler.GetJobDetail(yearly.JobKey))!.JobDataMap.GetString(YearlyScoringJob.MovementKey),
            Is.EqualTo(Movement), "the job data carries the movement");
        var next = yearly.NextFireTimeUtc!.Value;
        Assert.That((next.Month, next.Day, next.Hour, next.Minute, next.Second), Is.EqualTo((11, 10, 16, 59, 59)), "23:59:59 on 10/11 in UTC+7");
        Assert.That(next.ToOffset(TimeSpan.FromHours(7)).TimeOfDay, Is.EqualTo(new TimeSpan(23, 59, 59)));
        Assert.That(await scheduler.GetTriggerState(key), Is.EqualTo(TriggerState.Paused), "test hosts never fire by the calendar");
        Assert.That(await scheduler.GetTriggerState(JobScheduleInitializer.ReminderTriggerKey), Is.EqualTo(TriggerState.Paused));
    }

    [Test]
    public async Task TwoMovements_TwoTriggersAtTheirDeadlines_ChangingOneReschedulesOnlyIt_RemovingOneDeletesIt()
    {
        var scheduler = await host.Service<ISchedulerFactory>().GetScheduler();
        await PutTenantAsync(("dmst-cds-2025-2030", "11-10"), ("cchc-2025-2030", "12-15"));
        var first = (await scheduler.GetTrigger(YearlySchedule.TriggerKeyFor("son-la", "dmst-cds-2025-2030")))!;
        var second = (await scheduler.GetTrigger(YearlySchedule.TriggerKeyFor("son-la", "cchc-2025-2030")))!;

        Assert.That(Local(first.NextFireTimeUtc!.Value), Is.EqualTo((11, 10, new TimeSpan(23, 59, 59))));
        Assert.That(Local(second.NextFireTimeUtc!.Value), Is.EqualTo((12, 15, new TimeSpan(23, 59, 59))));
        Assert.That((await scheduler.GetJobDetail(second.JobKey))!.JobDataMap.GetString(YearlyScoringJob.MovementKey), Is.EqualTo("cchc-2025-2030"));

        await PutTenantAsync(("dmst-cds-2025-2030", "11-10"), ("cchc-2025-2030", "12-20"));
        var firstAfter = (await scheduler.GetTrigger(first.Key))!;
        var secondAfter = (await scheduler.GetTrigger(second.Key))!;

        Assert.That(Local(secondAfter.NextFireTimeUtc!.Value), Is.EqualTo((12, 20, new TimeSpan(23, 59, 59))), "the changed deadline is rescheduled");
        Assert.That(firstAfter.NextFireTimeUtc, Is.EqualTo(first.NextFireTimeUtc), "the unchanged movement keeps its time");

        await host.WithDbAsync(db => db.Movements.Where(m => m.Code == "cchc-2025-2030").ExecuteDeleteAsync());
        await host.WithDbAsync(async db =>
        {
            await host.Service<YearlySchedule>().SyncAsync(db, "son-la", CancellationToken.None);
            return 0;
        });

        Assert.That(await scheduler.GetTrigger(second.Key), Is.Null, "the removed movement's trigger is deleted");
        Assert.That(await scheduler.GetJobDetail(YearlySchedule.JobKeyFor("son-la", "cchc-2025-2030")), Is.Null);
        Assert.That((await scheduler.GetTrigger(first.Key))?.NextFireTimeUtc, Is.EqualTo(first.NextFireTimeUtc), "the other movement's trigger stays, at its time");
    }

    [Test]
    public async Task Sync_DeletesTheOnePerTenantTriggerOfEarlierVersions()
    {
        var scheduler = await host.Service<ISchedulerFactory>().GetScheduler();
        var legacy = JobBuilder.Create<YearlyScoringJob>().WithIdentity("yearly-son-la", YearlySchedule.Group)
            .UsingJobData(YearlyScoringJob.TenantKey, "son-la").StoreDurably().Build();
        await scheduler.AddJob(legacy, AddJobOptions.Replacing);

        await PutTenantAsync(("dmst-cds-2025-2030", "11-10"));

        Assert.That(await scheduler.GetJobDetail(legacy.Key), Is.Null);
        var current = await scheduler.GetJobDetail(YearlySchedule.JobKeyFor("son-la", Movement));
        Assert.That((current?.JobDataMap.GetString(YearlyScoringJob.TenantKey), current?.JobDataMap.GetString(YearlyScoringJob.MovementKey)),
            Is.EqualTo(("son-la", Movement)), "the per-movement job replaces it");
    }

    [Test]
    public async Task YearlyJob_EnqueuesOneRunPerRuleSetOfItsMovement_AndFiringTwiceAddsNothing()
    {
        await PutTenantAsync(("dmst-cds-2025-2030", "11-10"), ("cchc-2025-2030", "12-15"));
        await PublishRuleSetAsync("son-la.cchc.ubnd-xa-phuong", "cchc-2025-2030");
        var job = ActivatorUtilities.CreateInstance<YearlyScoringJob>(host.Services);

        Assert.That(await job.EnqueueAsync("son-la", Movement, 2025, CancellationToken.None), Is.EqualTo(1));
        Assert.That(await job.EnqueueAsync("son-la", Movement, 2025, CancellationToken.None), Is.EqualTo(1));
        var runs = await host.WithDbAsync(db => db.ScoringRuns.ToListAsync());
        Assert.That(runs, Has.Count.EqualTo(1));
        Assert.That(runs[0].Year, Is.EqualTo(2025));
        Assert.That(runs[0].CreatedBy, Is.EqualTo("scheduler"));
        var version = await host.WithDbAsync(db => db.RuleSetVersions.FirstAsync(v => v.Id == runs[0].RuleSetVersionId));
        Assert.That(version.RuleSetId, Is.EqualTo(TestData.RuleSetId), "only the rule set of the fired movement");

        Assert.That(await job.EnqueueAsync("son-la", "cchc-2025-2030", 2025, CancellationToken.None), Is.EqualTo(1));
        var other = await host.WithDbAsync(db => db.ScoringRuns.Where(r => r.Id != runs[0].Id).SingleAsync());
        Assert.That((await host.WithDbAsync(db => db.RuleSetVersions.FirstAsync(v => v.Id == other.RuleSetVersionId))).RuleSetId, Is.EqualTo("son-la.cchc.ubnd-xa-phuong"));
    }

    [Test]
    public void YearOfAFiring_IsThatOfTheLatestDeadlineAtOrBeforeIt()
    {
        var movement = new Tenants.Movement { TenantCode = "son-la", Code = Movement, Title = "x", ReportDeadline = "11-10" };

        Assert.That(YearlyScoringJob.YearOf(movement, Instant.FromUtc(2025, 11, 10, 16, 59, 59)), Is.EqualTo(2025), "on time: 23:59:59 on 10/11 local");
        Assert.That(YearlyScoringJob.YearOf(movement, Instant.FromUtc(2026, 1, 5, 2, 0)), Is.EqualTo(2025), "a misfire handled in January scores the year whose deadline passed");
        Assert.That(YearlyScoringJob.YearOf(movement, Instant.FromUtc(2025, 11, 9, 17, 0)), Is.EqualTo(2025), "00:00 on 10/11 local is the deadline day");
        Assert.That(YearlyScoringJob.YearOf(movement, Instant.FromUtc(2025, 11, 9, 16, 59)), Is.EqualTo(2024), "23:59 on 09/11 local: before 2025's deadline");
    }

    [Test]
    public async Task Reminders_BeforeTheDeadline_OnePerUnitNotSubmitted_NeverTwice()
    {
        host.Clock.Now = Instant.FromUtc(2025, 11, 5, 1, 0);   // 08:00 on 05/11 local, five days before 10/11
        var job = ActivatorUtilities.CreateInstance<ReminderJob>(host.Services);

        var first = await job.RemindAsync(CancellationToken.None);
        var second = await job.RemindAsync(CancellationToken.None);

        Assert.That(first, Is.EqualTo(3));
        Assert.That(second, Is.Zero);
        var outbox = await host.WithDbAsync(db => db.Outbox.OrderBy(o => o.Recipient).ToListAsync());
        Assert.That(outbox.Select(o => o.Recipient), Is.EqualTo(new[] { "xa-b", "xa-c", "xa-d" }), "xa-a has submitted");
        Assert.That(outbox[0].Body, Does.Contain("10/11/2025").And.Contain("còn 5 ngày"));
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "reminder.queue")), Is.EqualTo(3));
    }

    [Test]
    public async Task Reminders_WithTwoMovements_FollowTheEarliestDeadline_Once()
    {
        await PutTenantAsync(("cchc-2025-2030", "12-15"), ("dmst-cds-2025-2030", "11-10"));
        var job = ActivatorUtilities.CreateInstance<ReminderJob>(host.Services);

        host.Clock.Now = Instant.FromUtc(2025, 11, 3, 1, 0);   // 7 days before 10/11
        var early = await job.RemindAsync(CancellationToken.None);
        host.Clock.Now = Instant.FromUtc(2025, 12, 8, 1, 0);   // 7 days before 15/12, after the report was due
        var late = await job.RemindAsync(CancellationToken.None);

        Assert.That(early, Is.EqualTo(3), "one reminder per unit, not one per movement");
        Assert.That(late, Is.Zero);
        Assert.That(await host.WithDbAsync(db => db.Outbox.Select(o => o.Body).ToListAsync()), Has.All.Contain("10/11/2025"));
    }

    [Test]
    public async Task Reminders_LongBeforeOrAfterTheDeadline_WriteNothing()
    {
        var job = ActivatorUtilities.CreateInstance<ReminderJob>(host.Services);

        host.Clock.Now = Instant.FromUtc(2025, 10, 1, 1, 0);
        var early = await job.RemindAsync(CancellationToken.None);
        host.Clock.Now = Instant.FromUtc(2025, 11, 10, 17, 30);   // 00:30 on 11/11 local: the deadline has passed
        var late = await job.RemindAsync(CancellationToken.None);

        Assert.That(early, Is.Zero);
        Assert.That(late, Is.Zero);
    }

    private static (int Month, int Day, TimeSpan Time) Local(DateTimeOffset utc)
    {
        var local = utc.ToOffset(TimeSpan.FromHours(7));
        return (local.Month, local.Day, local.TimeOfDay);
    }

    private async Task PutTenantAsync(params (string Code, string Deadline)[] movements)
    {
        using var admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PutAsJsonAsync("/api/tenants/son-la",
            new TenantDto("son-la", "Tỉnh Sơn La", [.. movements.Select(m => new MovementDto(m.Code, "Phong trào " + m.Code, null, m.Deadline))])));
    }

    private async Task PublishRuleSetAsync(string id, string movement)
    {
        var root = Newtonsoft.Json.Linq.JObject.Parse(TestData.RuleSetJson());
        root["id"] = id;
        root["movement"] = movement;
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", new StringContent(root.ToString(), System.Text.Encoding.UTF8, "application/json")));
    }
}
