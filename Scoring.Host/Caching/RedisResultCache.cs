using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Scoring.Host.Caching;

/// <summary>
/// Redis (StackExchange.Redis 1.2.6) behind <see cref="IResultCache"/>: cards as strings, leaderboards as sorted sets
/// scored by rank, plus a short-lived copy in this process that pub/sub invalidates on every host. Any Redis failure is
/// logged and treated as a miss; while Redis is disconnected the local copy is not used either, so a host never serves
/// results that another host may have invalidated meanwhile.
/// </summary>
internal sealed class RedisResultCache : IResultCache, IDisposable
{
    public const string Channel = "scoring:invalidate";
    private static readonly TimeSpan LocalLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RedisLifetime = TimeSpan.FromDays(30);

    private readonly ConnectionMultiplexer redis;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, (object Value, long Expires)> local = new(StringComparer.Ordinal);

    public RedisResultCache(string configuration, ILogger<RedisResultCache> logger)
    {
        this.logger = logger;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        redis = ConnectionMultiplexer.Connect(options);
        redis.ConnectionFailed += (_, _) => local.Clear();
        redis.ConnectionRestored += (_, _) => local.Clear();
        try
        {
            redis.GetSubscriber().Subscribe(Channel, (_, message) => DropLocal(message.ToString()));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Redis down at start: the multiplexer restores the subscription when it reconnects.
            logger.LogWarning(e, "Redis is unavailable; answering from the database until it is back.");
        }
    }

    /// <summary>Raised after a pub/sub invalidation was applied here (tenant|year); lets tests observe cross-host invalidation.</summary>
    public event Action<string>? Invalidated;

    public bool IsConnected => redis.IsConnected;

    public async Task<string?> GetCardAsync(string tenant, int year, string unit)
    {
        var key = CardKey(tenant, year, unit);
        if (TryLocal(key) is string hit)
        {
            return hit;
        }

        var value = await SafeAsync(() => redis.GetDatabase().StringGetAsync(key), RedisValue.Null);
        if (value.IsNull)
        {
            return null;
        }

        Remember(key, (string)value!);
        return value;
    }

    public Task SetCardAsync(string tenant, int year, string unit, string cardJson)
    {
        var key = CardKey(tenant, year, unit);
        Remember(key, cardJson);
        return SafeAsync(async () =>
        {
            var db = redis.GetDatabase();
            await db.StringSetAsync(key, cardJson, RedisLifetime);
            await db.SetAddAsync(IndexKey(tenant, year), key);
            return true;
        }, false);
    }

    public async Task<IReadOnlyList<LeaderboardEntry>?> GetLeaderboardAsync(string tenant, int year, string group)
    {
        var key = BoardKey(tenant, year, group);
        if (TryLocal(key) is IReadOnlyList<LeaderboardEntry> hit)
        {
            return hit;
        }

        var members = await SafeAsync(() => redis.GetDatabase().SortedSetRangeByRankAsync(key, 0, -1, Order.Ascending), []);
        if (members.Length == 0)
        {
            return null;
        }

        var entries = members.Select(m => JsonSerializer.Deserialize<LeaderboardEntry>((string)m!)!).ToList();
        Remember(key, entries);
        return entries;
    }

    public Task SetLeaderboardAsync(string tenant, int year, string group, IReadOnlyList<LeaderboardEntry> entries)
    {
        var key = BoardKey(tenant, year, group);
        Remember(key, entries);
        return SafeAsync(async () =>
        {
            var db = redis.GetDatabase();
            var batch = entries.Select((e, i) => new SortedSetEntry(JsonSerializer.Serialize(e), e.Rank + (i / 100_000.0))).ToArray();
            var tx = db.CreateTransaction();
            _ = tx.KeyDeleteAsync(key);
            _ = tx.SortedSetAddAsync(key, batch);
            _ = tx.KeyExpireAsync(key, RedisLifetime);
            _ = tx.SetAddAsync(IndexKey(tenant, year), key);
            return await tx.ExecuteAsync();
        }, false);
    }

    public async Task InvalidateAsync(string tenant, int year)
    {
        var scope = Scope(tenant, year);
        DropLocal(scope);
        await SafeAsync(async () =>
        {
            var db = redis.GetDatabase();
            var keys = await db.SetMembersAsync(IndexKey(tenant, year));
            await db.KeyDeleteAsync(keys.Select(k => (RedisKey)(string)k!).Append(IndexKey(tenant, year)).ToArray());
            await redis.GetSubscriber().PublishAsync(Channel, scope);
            return true;
        }, false);
    }

    public void Dispose() => redis.Dispose();

    private static string Scope(string tenant, int year) => tenant + "|" + year.ToString(CultureInfo.InvariantCulture);

    private static string CardKey(string tenant, int year, string unit) => $"scoring:card:{Scope(tenant, year)}:{unit}";

    private static string BoardKey(string tenant, int year, string group) => $"scoring:board:{Scope(tenant, year)}:{group}";

    private static string IndexKey(string tenant, int year) => $"scoring:keys:{Scope(tenant, year)}";

    private void DropLocal(string scope)
    {
        foreach (var key in local.Keys.Where(k => k.Contains(":" + scope + ":", StringComparison.Ordinal)))
        {
            local.TryRemove(key, out _);
        }

        Invalidated?.Invoke(scope);
    }

    private object? TryLocal(string key)
    {
        if (!redis.IsConnected)
        {
            local.Clear();
            return null;
        }

        return local.TryGetValue(key, out var entry) && entry.Expires > Environment.TickCount64 ? entry.Value : null;
    }

    private void Remember(string key, object value)
    {
        if (redis.IsConnected)
        {
            local[key] = (value, Environment.TickCount64 + (long)LocalLifetime.TotalMilliseconds);
        }
    }

    private async Task<T> SafeAsync<T>(Func<Task<T>> action, T fallback)
    {
        if (!redis.IsConnected)
        {
            return fallback;
        }

        try
        {
            return await action();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Redis call failed; answering from the database.");
            return fallback;
        }
    }
}
