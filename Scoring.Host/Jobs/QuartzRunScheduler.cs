using Quartz;

namespace Scoring.Host.Jobs;

/// <summary>Schedules a run as a one-shot, recoverable Quartz job in the persistent store (any node of a cluster may take it).</summary>
internal sealed class QuartzRunScheduler(ISchedulerFactory factory) : IRunScheduler
{
    public async Task ScheduleAsync(long runId, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        var job = JobBuilder.Create<ScoringRunJob>()
            .WithIdentity($"run-{runId}", "runs")
            .UsingJobData(ScoringRunJob.RunIdKey, runId)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"run-{runId}-{Guid.NewGuid():N}", "runs")
            .ForJob(job)
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }
}
