using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Scoring.Host.Jobs;

/// <summary>
/// The yearly scoring triggers: one per movement of a tenant (<c>yearly/yearly-{tenant}-{movement}</c>), a cron trigger at
/// 23:59:59 of that movement's report-deadline day in its zone (Asia/Ho_Chi_Minh), whose job data carries the tenant and
/// the movement. <see cref="SyncAsync"/> brings a tenant's triggers in line with its stored movements: a new movement gets
/// a trigger, a changed deadline or zone re-schedules that trigger only, a removed movement's trigger is deleted.
/// </summary>
internal sealed class YearlySchedule(ISchedulerFactory factory)
{
    public const string Group = "yearly";

    public static TriggerKey TriggerKeyFor(string tenant, string movement) => new($"yearly-{tenant}-{movement}", Group);

    public static JobKey JobKeyFor(string tenant, string movement) => new($"yearly-{tenant}-{movement}", Group);

    /// <summary>Loads the tenant's movements and synchronises its triggers with them.</summary>
    public async Task SyncAsync(ScoringDbContext db, string tenant, CancellationToken ct) =>
        await SyncAsync(tenant, await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).ToListAsync(ct), ct);

    public async Task SyncAsync(string tenant, IReadOnlyCollection<Movement> movements, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        foreach (var movement in movements)
        {
            await ScheduleAsync(scheduler, movement, ct);
        }

        // The tenant's other yearly jobs: of movements it no longer has, or the one-per-tenant job of earlier versions
        // (recognised by the tenant in their job data, never by name: "yearly-a-b" may be tenant a's movement b).
        var wanted = movements.Select(m => JobKeyFor(tenant, m.Code)).ToHashSet();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), ct))
        {
            if (!wanted.Contains(key) && await scheduler.GetJobDetail(key, ct) is { } job && job.JobDataMap.GetString(YearlyScoringJob.TenantKey) == tenant)
            {
                await scheduler.DeleteJob(key, ct);
            }
        }
    }

    private static async Task ScheduleAsync(IScheduler scheduler, Movement movement, CancellationToken ct)
    {
        var key = TriggerKeyFor(movement.TenantCode, movement.Code);
        var cron = Cron(movement.ReportDeadline);
        if (await scheduler.GetTrigger(key, ct) is ICronTrigger current && current.CronExpressionString == cron && current.TimeZone.Id == movement.TimeZone)
        {
            return;   // unchanged: keep its next fire time (and any misfire Quartz still has to handle)
        }

        var job = JobBuilder.Create<YearlyScoringJob>().WithIdentity(JobKeyFor(movement.TenantCode, movement.Code))
            .UsingJobData(YearlyScoringJob.TenantKey, movement.TenantCode)
            .UsingJobData(YearlyScoringJob.MovementKey, movement.Code)
            .StoreDurably().RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(cron)
                .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(movement.TimeZone))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }

    /// <summary>"MM-dd" → a Quartz cron firing at 23:59:59 on that day every year.</summary>
    public static string Cron(string reportDeadline) =>
        $"59 59 23 {int.Parse(reportDeadline[3..], CultureInfo.InvariantCulture)} {int.Parse(reportDeadline[..2], CultureInfo.InvariantCulture)} ?";
}
