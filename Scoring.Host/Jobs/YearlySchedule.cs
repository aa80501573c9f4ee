using System.Globalization;
using Quartz;
using Scoring.Host.Domain;

namespace Scoring.Host.Jobs;

/// <summary>
/// The yearly scoring trigger of a tenant: a cron trigger at 23:59:59 of the movement's report-deadline day, in the
/// movement's zone (Asia/Ho_Chi_Minh). Re-scheduled whenever the movement changes; replacing keeps every node's view equal.
/// </summary>
internal sealed class YearlySchedule(ISchedulerFactory factory)
{
    public static TriggerKey TriggerKeyFor(string tenant) => new($"yearly-{tenant}", "yearly");

    public async Task ScheduleAsync(Movement movement, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        var job = JobBuilder.Create<YearlyScoringJob>().WithIdentity($"yearly-{movement.TenantCode}", "yearly")
            .UsingJobData(YearlyScoringJob.TenantKey, movement.TenantCode).StoreDurably().RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().WithIdentity(TriggerKeyFor(movement.TenantCode)).ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(Cron(movement.ReportDeadline))
                .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(movement.TimeZone))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }

    /// <summary>"MM-dd" → a Quartz cron firing at 23:59:59 on that day every year.</summary>
    public static string Cron(string reportDeadline) =>
        $"59 59 23 {int.Parse(reportDeadline[3..], CultureInfo.InvariantCulture)} {int.Parse(reportDeadline[..2], CultureInfo.InvariantCulture)} ?";
}
