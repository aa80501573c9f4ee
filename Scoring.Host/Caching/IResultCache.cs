namespace Scoring.Host.Caching;

/// <summary>
/// Cache of PUBLISHED results per tenant and year: unit cards and group leaderboards. Every method is best effort:
/// a miss or an outage returns null and the caller answers from the database.
/// </summary>
internal interface IResultCache
{
    Task<string?> GetCardAsync(string tenant, int year, string unit);

    Task SetCardAsync(string tenant, int year, string unit, string cardJson);

    Task<IReadOnlyList<LeaderboardEntry>?> GetLeaderboardAsync(string tenant, int year, string group);

    Task SetLeaderboardAsync(string tenant, int year, string group, IReadOnlyList<LeaderboardEntry> entries);

    /// <summary>Drops the tenant/year's entries here and, through pub/sub, on every other host.</summary>
    Task InvalidateAsync(string tenant, int year);
}
