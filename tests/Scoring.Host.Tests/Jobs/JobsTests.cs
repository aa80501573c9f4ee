using System.Net.Http.Json;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// The yearly recurring jobs (one per movement, at its deadline in Asia/Ho_Chi_Minh) and the jobs behind them, inspected and
/// called explicitly: the test hosts keep calendar jobs paused (<see cref="CalendarTriggersPaused"/>).
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
    public void Storage_IsPersistent_WithTheYearlyJobAtTheLocalDeadline_AndTheDailyReminders_CalendarPaused()
    {
        var yearly = host.Service<YearlySchedule>().YearlyJobs().SingleOrDefault(j => j.Id == YearlySchedule.JobIdFor("son-la", Movement));
        var reminders = Recurring().SingleOrDefault(j => j.Id == ReminderJob.RecurringJobId);

        Assert.That(host.Service<JobStorage>(), Is.InstanceOf<Hangfire.Storage.SQLite.SQLiteStorage>());
        Assert.That(File.Exists(Path.Combine(host.DataDirectory, "hangfire.db")), Is.True, "the embedded default stores jobs in a file beside scoring.db");
        Assert.That(yearly?.Cron, Is.EqualTo("59 59 23 10 11 *"), "the yearly job of son-la's movement exists and fires at its deadline");
        Assert.That(yearly!.TimeZoneId, Is.EqualTo("Asia/Ho_Chi_Minh"));
        Assert.That(yearly.Job.Args.Take(2), Is.EqualTo(new object[] { "son-la", Movement }), "the job carries the tenant and the movement");
        var next = yearly.NextExecution!.Value;
        Assert.That((next.Month, next.Day, next.Hour, next.Minute, next.Second), Is.EqualTo((11, 10, 16, 59, 59)), "23:59:59 on 10/11 in UTC+7");
        Assert.That(Local(next).Time, Is.EqualTo(new TimeSpan(23, 59, 59)));
        Assert.That((reminders?.Cron, reminders?.TimeZoneId), Is.EqualTo(("0 8 * * *", "Asia/Ho_Chi_Minh")), "reminders daily at 08:00 local");
        Assert.That(host.Service<IJobFilterProvider>().GetFilters(yearly.Job).Select(f => f.Instance), Has.One.InstanceOf<CalendarPause>(),
            "test hosts never fire by the calendar (HangfireFiringTests proves what the pause does)");
    }

    [Test]
    public async Task TwoMovements_TwoJobsAtTheirDeadlines_ChangingOneReschedulesOnlyIt_RemovingOneRemovesIt()
    {
        await PutTenantAsync(("dmst-cds-2025-2030", "11-10"), ("cchc-2025-2030", "12-15"));
        var first = Yearly("dmst-cds-2025-2030")!;
        var second = Yearly("cchc-2025-2030")!;

        Assert.That(Local(first.NextExecution!.Value), Is.EqualTo((11, 10, new TimeSpan(23, 59, 59))));
        Assert.That(Local(second.NextExecution!.Value), Is.EqualTo((12, 15, new TimeSpan(23, 59, 59))));
        Assert.That(second.Job.Args[1], Is.EqualTo("cchc-2025-2030"));

        await PutTenantAsync(("dmst-cds-2025-2030", "11-10"), ("cchc-2025-2030", "12-20"));
        var firstAfter = Yearly("dmst-cds-2025-2030")!;
        var secondAfter = Yearly("cchc-2025-2030")!;

        Assert.That(Local(secondAfter.NextExecution!.Value), Is.EqualTo((12, 20, new TimeSpan(23, 59, 59))), "the changed deadline is rescheduled");
        Assert.That(firstAfter.NextExecution, Is.EqualTo(first.NextExecution), "the unchanged movement keeps its time");
        Assert.That(firstAfter.CreatedAt, Is.EqualTo(first.CreatedAt), "and its job was left alone");

        await host.WithDbAsync(db => db.Movements.Where(m => m.Code == "cchc-2025-2030").ExecuteDeleteAsync());
        await host.WithDbAsync(async db =>
        {
            await host.Service<YearlySchedule>().SyncAsync(db, "son-la", CancellationToken.None);
            return 0;
        });

        Assert.That(Yearly("cchc-2025-2030"), Is.Null, "the removed movement's job is removed");
        Assert.That(Yearly("dmst-cds-2025-2030")?.NextExecution, Is.EqualTo(first.NextExecution), "the other movement's job stays, at its time");
    }

    [Test]
    public async Task Sync_RemovesATenantsStaleYearlyJob_RecognisedByTheTenantInItsArguments_NeverByName()
    {
        var recurring = host.Service<IRecurringJobManager>();
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh") };
        recurring.AddOrUpdate<YearlyScoringJob>("legacy-yearly", j => j.FireAsync("son-la", "old-movement", CancellationToken.None), "59 59 23 1 6 *", options);
        // Named like a job of son-la, but of tenant "son" (movement "la:x"): not son-la's to remove.
        recurring.AddOrUpdate<YearlyScoringJob>("yearly:son-la:x", j => j.FireAsync("son", "la:x", CancellationToken.None), "59 59 23 1 6 *", options);

        await PutTenantAsync(("dmst-cds-2025-2030", "11-10"));

        var ids = host.Service<YearlySchedule>().YearlyJobs().Select(j => j.Id).ToList();
        Assert.That(ids, Does.Not.Contain("legacy-yearly"));
        Assert.That(ids, Does.Contain("yearly:son-la:x"), "another tenant's job stays whatever its name");
        Assert.That(Yearly(Movement)?.Job.Args.Take(2), Is.EqualTo(new object[] { "son-la", Movement }), "the per-movement job is there");
    }

    [Test]
    public async Task YearlyJob_FiredAtTheDeadline_ScoresTheYearOnce_AndRecordsIt_AFiringNextDayAddsNothing()
    {
        var job = ActivatorUtilities.CreateInstance<YearlyScoringJob>(host.Services);
        Assert.That(await LastScoredAsync(), Is.EqualTo(2024), "scheduled on 01/10/2025: the movement starts at the year of its latest passed deadline");

        host.Clock.Now = Deadline2025;
        await job.FireAsync("son-la", Movement, CancellationToken.None);
        await job.FireAsync("son-la", Movement, CancellationToken.None);
        host.Clock.Now = Deadline2025 + Duration.FromDays(1);
        await job.FireAsync("son-la", Movement, CancellationToken.None);
        using (var late = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-b"))
        {
            // New inputs after the deadline: still no second yearly run of 2025.
            await TestData.Ensure(await late.PutAsJsonAsync("/api/tenants/son-la/submissions/2025/xa-b", new SubmissionValues(new() { ["staffTrained"] = "9" })));
            await TestData.Ensure(await late.PostAsync("/api/tenants/son-la/submissions/2025/xa-b/submit", null));
        }

        await job.FireAsync("son-la", Movement, CancellationToken.None);

        var runs = await host.WithDbAsync(db => db.ScoringRuns.ToListAsync());
        Assert.That(runs.Select(r => (r.Year, r.CreatedBy)), Is.EqualTo(new[] { (2025, "scheduler") }));
        Assert.That(await LastScoredAsync(), Is.EqualTo(2025));
        await job.EnqueueAsync("son-la", Movement, 2025, CancellationToken.None);
        Assert.That(await host.WithDbAsync(db => db.ScoringRuns.CountAsync()), Is.EqualTo(2),
            "the late report did change the inputs: only the recorded year kept the firings from scoring 2025 again");
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

    /// <summary>23:59:59 on 10/11/2025 local: Sơn La's 2025 deadline.</summary>
    private static readonly Instant Deadline2025 = Instant.FromUtc(2025, 11, 10, 16, 59, 59);

    private static (int Month, int Day, TimeSpan Time) Local(DateTime utc)
    {
        var local = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(7));
        return (local.Month, local.Day, local.TimeOfDay);
    }

    private List<RecurringJobDto> Recurring()
    {
        using var connection = host.Service<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }

    private RecurringJobDto? Yearly(string movement) =>
        host.Service<YearlySchedule>().YearlyJobs().SingleOrDefault(j => j.Id == YearlySchedule.JobIdFor("son-la", movement));

    private Task<int?> LastScoredAsync() => host.WithDbAsync(db => YearlyScoringLedger.LastScoredAsync(db, "son-la", Movement, CancellationToken.None));

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
