using Quartz;
using Scoring.Host.Runs;

namespace Scoring.Host.Jobs;

/// <summary>Executes one run (job key <c>runs/run-{id}</c>); recoverable, so a host that dies mid-run has it re-fired.</summary>
[DisallowConcurrentExecution]
internal sealed class ScoringRunJob(RunExecutor executor) : IJob
{
    public const string RunIdKey = "runId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var runId = context.MergedJobDataMap.GetLong(RunIdKey);
        await executor.ExecuteAsync(runId, ct);
    }
}
