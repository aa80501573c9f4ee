using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Quartz;
using Scoring.Host.Apis.Contracts;
using Scoring.Host.Auth;
using Scoring.Host.Jobs;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

public sealed class JobsTests
{
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
    public async Task Scheduler_IsPersistentAndHasTheYearlyTriggerAtTheLocalDeadline()
    {
        var scheduler = await host.Service<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        var trigger = (ICronTrigger?)await scheduler.GetTrigger(YearlySchedule.TriggerKeyFor("son-la"));

        Assert.That(metadata.JobStorePersistent, Is.True);
        Assert.That(trigger?.CronExpressionString, Is.EqualTo("59 59 23 10 11 ?"), "the yearly trigger of son-la exists and fires at its deadline");
        var yearly = trigger!;
        Assert.That(yearly.TimeZone.Id, Is.EqualTo("Asia/Ho_Chi_Minh"));
        var next = yearly.NextFireTimeUtc!.Value;
        Assert.That((next.Month, next.Day, next.Hour, next.Minute, next.Second), Is.EqualTo((11, 10, 16, 59, 59)), "23:59:59 on 10/11 in UTC+7");
        Assert.That(next.ToOffset(TimeSpan.FromHours(7)).TimeOfDay, Is.EqualTo(new TimeSpan(23, 59, 59)));
    }

    [Test]
    public async Task YearlyJob_EnqueuesOneRunPerRuleSet_AndFiringTwiceAddsNothing()
    {
        host.Clock.Now = Instant.FromUtc(2025, 11, 10, 16, 59, 59);
        var job = ActivatorUtilities.CreateInstance<YearlyScoringJob>(host.Services);

        Assert.That(await job.EnqueueAsync("son-la", CancellationToken.None), Is.EqualTo(1));
        Assert.That(await job.EnqueueAsync("son-la", CancellationToken.None), Is.EqualTo(1));

        var runs = await host.WithDbAsync(db => db.ScoringRuns.ToListAsync());
        Assert.That(runs, Has.Count.EqualTo(1));
        Assert.That(runs[0].Year, Is.EqualTo(2025));
        Assert.That(runs[0].CreatedBy, Is.EqualTo("scheduler"));
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
}
