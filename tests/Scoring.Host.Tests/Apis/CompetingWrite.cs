using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Scoring.Host.Tests.Apis;

/// <summary>
/// Loses a race on purpose: the first time the host is about to save an added <typeparamref name="TEntity"/>, the competitor
/// runs to completion first (for example the same request again), so the host's own insert then hits the unique index.
/// </summary>
internal sealed class CompetingWrite<TEntity>(Func<Task> competitor) : SaveChangesInterceptor
    where TEntity : class
{
    private int fired;

    public bool Fired => fired == 1;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        var adding = eventData.Context?.ChangeTracker.Entries<TEntity>().Any(e => e.State == EntityState.Added) ?? false;
        if (adding && Interlocked.CompareExchange(ref fired, 1, 0) == 0)
        {
            await competitor();
        }

        return result;
    }
}
