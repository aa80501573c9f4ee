using Quartz;

namespace Scoring.Host.Jobs;

/// <summary>
/// Executes one run (job key <c>runs/run-{id}</c>); recoverable, so when the node running it dies another node of the
/// cluster re-fires it (<see cref="IJobExecutionContext.Recovering"/>). Logs which scheduler instance executes the run,
/// so an operator can tell the node (the same id is in <c>qrtz_fired_triggers.instance_name</c> while it runs).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ScoringRunJob(RunExecutor executor, ILogger<ScoringRunJob> logger) : IJob
{
    public const string RunIdKey = "runId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var runId = context.MergedJobDataMap.GetLong(RunIdKey);
        if (context.Recovering)
        {
            logger.LogWarning("Run {RunId} executing on scheduler instance {InstanceId} (recovery of {Trigger}, whose node failed)",
                runId, context.Scheduler.SchedulerInstanceId, context.RecoveringTriggerKey);
        }
        else
        {
            logger.LogInformation("Run {RunId} executing on scheduler instance {InstanceId}", runId, context.Scheduler.SchedulerInstanceId);
        }

        await executor.ExecuteAsync(runId, ct);
    }
}
