using Hangfire;
using Hangfire.Server;
using Hangfire.States;

namespace Scoring.Host.Jobs;

/// <summary>
/// Executes one run as a Hangfire background job. When the host executing it dies, the job stays fetched but unrenewed in the
/// shared storage and, once the invisibility timeout has passed, another host's worker takes the same job and runs it again
/// (<see cref="RunExecutor"/> writes results once, at the end). Logs which Hangfire server executes the run and, for a job
/// taken over, the server that had it before, so an operator can tell the nodes apart.
/// </summary>
[AutomaticRetry(Attempts = 3)]
internal sealed class ScoringRunJob(RunExecutor executor, JobStorage storage, ILogger<ScoringRunJob> logger)
{
    public async Task ExecuteAsync(long runId, PerformContext? context, CancellationToken ct)
    {
        var job = context?.BackgroundJob.Id;
        var server = context?.ServerId;
        if (job is not null && PreviousServer(job, server) is { } previous)
        {
            logger.LogWarning("Run {RunId} executing on server {ServerId} (job {JobId}, taken over from server {PreviousServerId}, which stopped processing it)",
                runId, server, job, previous);
        }
        else
        {
            logger.LogInformation("Run {RunId} executing on server {ServerId} (job {JobId})", runId, server, job);
        }

        await executor.ExecuteAsync(runId, ct);
    }

    /// <summary>The other server that was processing this job before this one took it (its Processing state before ours), if any.</summary>
    private string? PreviousServer(string jobId, string? server)
    {
        var history = storage.GetMonitoringApi().JobDetails(jobId)?.History ?? [];
        // Newest first: ours, then any earlier Processing state of another server.
        return history.Where(h => h.StateName == ProcessingState.StateName)
            .Select(h => h.Data.TryGetValue("ServerId", out var id) ? id : null)
            .Skip(1)
            .FirstOrDefault(id => id is not null && id != server);
    }
}
