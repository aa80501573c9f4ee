using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Jobs;

/// <summary>
/// The last year the yearly job scored per movement (<c>yearly_scorings</c>). A movement starts at the year of its latest
/// deadline when it is first scheduled (deadlines before the service knew it are not ours to score); the year only moves
/// forward, so two firings racing for one year both see it scored afterwards.
/// </summary>
internal static class YearlyScoringLedger
{
    /// <summary>Records <paramref name="year"/> as already handled for a movement not yet in the ledger; keeps an existing entry.</summary>
    public static Task StartAsync(ScoringDbContext db, string tenant, string movement, int year, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO yearly_scorings (tenant_code, movement_code, last_scored_year) VALUES ({tenant}, {movement}, {year}) ON CONFLICT (tenant_code, movement_code) DO NOTHING",
            ct);

    /// <summary>The last year scored, or null when the movement is not in the ledger.</summary>
    public static async Task<int?> LastScoredAsync(ScoringDbContext db, string tenant, string movement, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>($"SELECT last_scored_year AS \"Value\" FROM yearly_scorings WHERE tenant_code = {tenant} AND movement_code = {movement}")
            .ToListAsync(ct)).Cast<int?>().FirstOrDefault();

    /// <summary>Moves the movement's last scored year forward to <paramref name="year"/> (never back).</summary>
    public static async Task MarkScoredAsync(ScoringDbContext db, string tenant, string movement, int year, CancellationToken ct)
    {
        var updated = await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE yearly_scorings SET last_scored_year = {year} WHERE tenant_code = {tenant} AND movement_code = {movement} AND last_scored_year < {year}", ct);
        if (updated == 0)
        {
            await StartAsync(db, tenant, movement, year, ct);
        }
    }
}
