using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Jobs;

/// <summary>
/// After the database is ready: the yearly recurring jobs of every tenant's movements, the daily reminder job (08:00
/// local), and, unless <c>Scheduler:PauseCalendarTriggers</c> is set, the catch-up of deadlines that passed while no host ran
/// (a background job, <see cref="YearlyScoringJob.CatchUpAsync"/>: Hangfire does not replay missed occurrences one by one).
/// </summary>
internal sealed class JobScheduleInitializer(IRecurringJobManager recurring, IBackgroundJobClient jobs, IServiceScopeFactory scopes, YearlySchedule yearly,
    IConfiguration configuration, ILogger<JobScheduleInitializer> logger) : IHostedService
{
    public const string ReminderCron = "0 8 * * *";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
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

        recurring.AddOrUpdate<ReminderJob>(ReminderJob.RecurringJobId, j => j.RemindAsync(CancellationToken.None), ReminderCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh") });

        if (SchedulerSettings.CalendarTriggersPaused(configuration))
        {
            logger.LogWarning("Scheduler:PauseCalendarTriggers: this host fires no yearly scoring, reminder or catch-up job by the calendar.");
            return;
        }

        jobs.Enqueue<YearlyScoringJob>(j => j.CatchUpAsync(CancellationToken.None));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
