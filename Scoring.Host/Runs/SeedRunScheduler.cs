namespace Scoring.Host.Runs;

/// <summary>
/// The scheduler of first-start seeding: it schedules nothing, because the seeder executes each run itself right after
/// enqueueing it (the job scheduler is not started yet). A run left unfinished by a crash is picked up by start-up recovery.
/// </summary>
internal sealed class SeedRunScheduler : IRunScheduler
{
    public Task ScheduleAsync(long runId, CancellationToken ct) => Task.CompletedTask;
}
