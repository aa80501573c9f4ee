using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Scoring.Host.Tests.Apis;

/// <summary>
/// Loses a race on purpose: the first time the host is about to save an added <typeparamref name="TEntity"/>, the competitor
/// runs first (for example the same request again), so the host's own insert comes after it. With <c>patience</c> the
/// host waits for the competitor at most that long and then saves anyway: a competitor that the code under test makes
/// wait for this write (a lock) finishes afterwards, one that nothing holds back has finished before.
/// </summary>
internal sealed class CompetingWrite<TEntity>(Func<Task> competitor, TimeSpan? patience = null) : SaveChangesInterceptor
    where TEntity : class
{
    private int fired;

    public bool Fired => fired == 1;

    /// <summary>The competitor's own task, to await once the host's request has answered.</summary>
    public Task Competitor { get; private set; } = Task.CompletedTask;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        var adding = eventData.Context?.ChangeTracker.Entries<TEntity>().Any(e => e.State == EntityState.Added) ?? false;
        if (adding && Interlocked.CompareExchange(ref fired, 1, 0) == 0)
        {
            Competitor = Task.Run(competitor, CancellationToken.None);
            if (patience is { } wait)
            {
                await Task.WhenAny(Competitor, Task.Delay(wait, CancellationToken.None));
            }
            else
            {
                await Competitor;
            }
        }

        return result;
    }
}
