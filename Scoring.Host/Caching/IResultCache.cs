namespace Scoring.Host.Caching;

/// <summary>
/// Cache of PUBLISHED results per tenant and year: unit cards and group leaderboards, stored under the
/// <see cref="PublishGeneration"/> they were read at (a stale entry is simply never looked up again). Every method is best
/// effort: a miss or an outage returns null and the caller answers from the database.
/// </summary>
internal interface IResultCache
{
    Task<string?> GetCardAsync(string tenant, int year, string generation, string unit);

    Task SetCardAsync(string tenant, int year, string generation, string unit, string cardJson);

    Task<IReadOnlyList<LeaderboardEntry>?> GetLeaderboardAsync(string tenant, int year, string generation, string group);

    Task SetLeaderboardAsync(string tenant, int year, string generation, string group, IReadOnlyList<LeaderboardEntry> entries);

    /// <summary>Drops the tenant/year's entries here and, through pub/sub, on every other host (a clean-up: correctness comes from the generation).</summary>
    Task InvalidateAsync(string tenant, int year);
}
