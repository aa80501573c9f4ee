using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Runs;

/// <summary>
/// Writes a run's progress (units done) to the database, at most every half second; never above the run's total, so that
/// status polling never shows more done than there is.
/// </summary>
internal sealed class RunProgress(IServiceScopeFactory scopes, long runId) : IProgress<int>
{
    private readonly Lock gate = new();
    private int latest;
    private long lastWrite;

    public void Report(int value)
    {
        lock (gate)
        {
            latest = value;
            var now = Environment.TickCount64;
            if (now - lastWrite < 500)
            {
                return;
            }

            lastWrite = now;
        }

        _ = WriteAsync(value);
    }

    public Task FlushAsync() => WriteAsync(latest);

    private async Task WriteAsync(int value)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
            await db.ScoringRuns.Where(r => r.Id == runId && r.Status == RunStatus.Running && r.Progress < value)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, r => value < r.Total ? value : r.Total));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // Progress is informative only; the run itself goes on.
        }
    }
}
