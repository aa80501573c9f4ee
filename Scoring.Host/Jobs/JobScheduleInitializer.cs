using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Scoring.Host.Jobs;

/// <summary>
/// After the database is ready: the yearly triggers of every tenant's movements and the daily reminder trigger (08:00
/// local). With <c>Scheduler:PauseCalendarTriggers</c> the two trigger groups are paused (stored and inspectable, but
/// nothing fires by the calendar; runs and jobs triggered by hand still execute); without it they are resumed.
/// </summary>
internal sealed class JobScheduleInitializer(ISchedulerFactory factory, IServiceScopeFactory scopes, YearlySchedule yearly, IConfiguration configuration,
    ILogger<JobScheduleInitializer> logger) : IHostedService
{
    public const string ReminderGroup = "reminders";
    public static readonly JobKey ReminderJobKey = new("reminders", ReminderGroup);
    public static readonly TriggerKey ReminderTriggerKey = new("reminders-daily", ReminderGroup);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var paused = SchedulerSettings.CalendarTriggersPaused(configuration);
        foreach (var group in new[] { YearlySchedule.Group, ReminderGroup })
        {
            // Paused before anything is scheduled, so that a trigger added to the group is stored paused.
            var matcher = GroupMatcher<TriggerKey>.GroupEquals(group);
            if (paused)
            {
                await scheduler.PauseTriggerGroups(matcher, cancellationToken);
            }
            else if ((await scheduler.GetPausedTriggerGroups(cancellationToken)).Contains(group))
            {
                await scheduler.ResumeTriggerGroups(matcher, cancellationToken);
            }
        }

        if (paused)
        {
            logger.LogWarning("Scheduler:PauseCalendarTriggers: the yearly scoring and daily reminder triggers are paused.");
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
            var movements = await db.Movements.AsNoTracking().OrderBy(m => m.TenantCode).ThenBy(m => m.Code).ToListAsync(cancellationToken);
            foreach (var tenant in movements.GroupBy(m => m.TenantCode))
            {
                await yearly.SyncAsync(tenant.Key, [.. tenant], cancellationToken);
                foreach (var movement in tenant)
                {
                    logger.LogInformation("Yearly scoring of {Tenant}/{Movement}: cron {Cron} in {Zone}",
                        movement.TenantCode, movement.Code, YearlySchedule.Cron(movement.ReportDeadline), movement.TimeZone);
                }
            }
        }

        var reminders = JobBuilder.Create<ReminderJob>().WithIdentity(ReminderJobKey).StoreDurably().Build();
        var daily = TriggerBuilder.Create().WithIdentity(ReminderTriggerKey).ForJob(reminders)
            .WithSchedule(CronScheduleBuilder.Create("0 0 8 * * ?").InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")))
            .Build();
        await scheduler.ScheduleJob(reminders, [daily], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
