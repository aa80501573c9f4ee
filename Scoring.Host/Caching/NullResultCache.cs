namespace Scoring.Host.Caching;

/// <summary>No Redis configured: nothing is cached, every read goes to the database.</summary>
internal sealed class NullResultCache : IResultCache
{
    public Task<string?> GetCardAsync(string tenant, int year, string generation, string unit) => Task.FromResult<string?>(null);

    public Task SetCardAsync(string tenant, int year, string generation, string unit, string cardJson) => Task.CompletedTask;

    public Task<IReadOnlyList<LeaderboardEntry>?> GetLeaderboardAsync(string tenant, int year, string generation, string group) =>
        Task.FromResult<IReadOnlyList<LeaderboardEntry>?>(null);

    public Task SetLeaderboardAsync(string tenant, int year, string generation, string group, IReadOnlyList<LeaderboardEntry> entries) => Task.CompletedTask;

    public Task InvalidateAsync(string tenant, int year) => Task.CompletedTask;
}
