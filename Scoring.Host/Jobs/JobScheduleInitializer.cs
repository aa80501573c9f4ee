using Microsoft.EntityFrameworkCore;
using Quartz;
using Scoring.Host.Infrastructure;

namespace Scoring.Host.Jobs;

/// <summary>After the database is ready: the yearly trigger of every tenant's movement and the daily reminder trigger (08:00 local).</summary>
internal sealed class JobScheduleInitializer(ISchedulerFactory factory, IServiceScopeFactory scopes, YearlySchedule yearly, ILogger<JobScheduleInitializer> logger) : IHostedService
{
    public static readonly JobKey ReminderJobKey = new("reminders", "reminders");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
            var movements = await db.Movements.AsNoTracking().OrderBy(m => m.TenantCode).ThenBy(m => m.Code).ToListAsync(cancellationToken);
            foreach (var movement in movements.GroupBy(m => m.TenantCode).Select(g => g.First()))
            {
                await yearly.ScheduleAsync(movement, cancellationToken);
                logger.LogInformation("Yearly scoring of {Tenant}: cron {Cron} in {Zone}", movement.TenantCode, YearlySchedule.Cron(movement.ReportDeadline), movement.TimeZone);
            }
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var reminders = JobBuilder.Create<ReminderJob>().WithIdentity(ReminderJobKey).StoreDurably().Build();
        var daily = TriggerBuilder.Create().WithIdentity("reminders-daily", "reminders").ForJob(reminders)
            .WithSchedule(CronScheduleBuilder.Create("0 0 8 * * ?").InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")))
            .Build();
        await scheduler.ScheduleJob(reminders, [daily], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
