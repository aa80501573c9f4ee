using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Scoring.Host.Storage;

/// <summary>
/// A transaction in which a check and the write it guards cannot interleave with another writer of the same key, on any
/// host: on PostgreSQL an advisory lock held until commit; on SQLite the transaction begins IMMEDIATE, so there is one
/// writer at a time. Used where a rule spans rows no unique index can see (one group per unit and year).
/// </summary>
internal static class WriteLock
{
    public static async Task<IDbContextTransaction> BeginAsync(ScoringDbContext db, string key, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
        }

        return transaction;
    }
}
