using Microsoft.EntityFrameworkCore;
using Quartz;
using Scoring.Host.Infrastructure;

namespace Scoring.Host.Jobs;

/// <summary>
/// After the database is ready: one yearly cron trigger per tenant at 23:59:59 of its report deadline day, in the
/// movement's zone (Asia/Ho_Chi_Minh), and the daily reminder trigger at 08:00. Replacing them keeps every node's view equal.
/// </summary>
internal sealed class JobScheduleInitializer(ISchedulerFactory factory, IServiceScopeFactory scopes, ILogger<JobScheduleInitializer> logger) : IHostedService
{
    public static readonly JobKey ReminderJobKey = new("reminders", "reminders");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var movements = await db.Movements.AsNoTracking().OrderBy(m => m.TenantCode).ThenBy(m => m.Code).ToListAsync(cancellationToken);
        foreach (var movement in movements.GroupBy(m => m.TenantCode).Select(g => g.First()))
        {
            var job = JobBuilder.Create<YearlyScoringJob>().WithIdentity($"yearly-{movement.TenantCode}", "yearly")
                .UsingJobData(YearlyScoringJob.TenantKey, movement.TenantCode).StoreDurably().RequestRecovery().Build();
            var trigger = TriggerBuilder.Create().WithIdentity($"yearly-{movement.TenantCode}", "yearly").ForJob(job)
                .WithSchedule(CronScheduleBuilder.Create(YearlyCron(movement.ReportDeadline))
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(movement.TimeZone)).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
            logger.LogInformation("Yearly scoring of {Tenant} scheduled: cron {Cron} in {Zone}", movement.TenantCode, YearlyCron(movement.ReportDeadline), movement.TimeZone);
        }

        var reminders = JobBuilder.Create<ReminderJob>().WithIdentity(ReminderJobKey).StoreDurably().Build();
        var daily = TriggerBuilder.Create().WithIdentity("reminders-daily", "reminders").ForJob(reminders)
            .WithSchedule(CronScheduleBuilder.Create("0 0 8 * * ?").InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")))
            .Build();
        await scheduler.ScheduleJob(reminders, [daily], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>"MM-dd" → a Quartz cron firing at 23:59:59 on that day every year.</summary>
    public static string YearlyCron(string reportDeadline) =>
        $"59 59 23 {int.Parse(reportDeadline[3..], System.Globalization.CultureInfo.InvariantCulture)} {int.Parse(reportDeadline[..2], System.Globalization.CultureInfo.InvariantCulture)} ?";
}
