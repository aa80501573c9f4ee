using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Scoring.Host.Caching;

/// <summary>
/// Redis (StackExchange.Redis 3.x) behind <see cref="IResultCache"/>: cards as strings, leaderboards as sorted sets
/// scored by rank, plus a short-lived copy in this process that pub/sub clears on every host. Keys carry the
/// <see cref="PublishGeneration"/>, so a lost invalidation (Redis down during a publish, then back with its old keys) or
/// a reader that writes an old card after a publish can never make a host serve an old result.
/// <para>
/// Nothing here blocks a request on Redis: the connection is made in the background (the service answers from the database
/// until it is up), every call is bounded by the configured syncTimeout, and the pub/sub subscription is (re)made whenever
/// a connection is (re)established, because a subscription asked for while disconnected is never sent by the client.
/// </para>
/// </summary>
internal sealed class RedisResultCache : IResultCache, IDisposable
{
    public const string Channel = "scoring:invalidate";
    private static readonly RedisChannel InvalidationChannel = RedisChannel.Literal(Channel);
    private static readonly TimeSpan LocalLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RedisLifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);
    private const string ProbePrefix = "probe:";

    private readonly ConfigurationOptions options;
    private readonly ILogger logger;
    private readonly CacheTelemetry? telemetry;
    private readonly TimeSpan callTimeout;
    private readonly ConcurrentDictionary<string, (object Value, long Expires)> local = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim wake = new(0);
    private readonly Action<RedisChannel, RedisValue> onMessage;
    private volatile ConnectionMultiplexer? redis;
    private volatile bool subscribed;
    private volatile TaskCompletionSource<bool>? probe;
    private volatile string? probeMessage;

    public RedisResultCache(string configuration, ILogger<RedisResultCache> logger)
        : this(ParseOptions(configuration), logger)
    {
    }

    public RedisResultCache(ConfigurationOptions options, ILogger<RedisResultCache> logger, CacheTelemetry? telemetry = null)
    {
        this.logger = logger;
        this.telemetry = telemetry;
        this.options = options.Clone();
        this.options.AbortOnConnectFail = false;
        callTimeout = TimeSpan.FromMilliseconds(Math.Max(this.options.SyncTimeout, 100));
        onMessage = (_, message) => OnMessage(message.ToString());
        _ = Task.Run(MaintainAsync);
    }

    /// <summary><c>Redis:Configuration</c> as the client reads it; a malformed value is a setting error naming the key.</summary>
    public static ConfigurationOptions ParseOptions(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException e)
        {
            throw new SettingException($"Redis:Configuration '{configuration}' không hợp lệ: {e.Message} Ví dụ đúng: 10.0.0.5:6379,abortConnect=false.", e);
        }
    }

    /// <summary>Raised after a pub/sub invalidation was applied here (tenant|year); lets tests observe cross-host invalidation.</summary>
    public event Action<string>? Invalidated;

    public bool IsConnected => redis?.IsConnected == true;

    /// <summary>Connected and subscribed to <see cref="Channel"/>: invalidations from other hosts reach this one.</summary>
    public bool IsSubscribed => IsConnected && subscribed;

    public async Task<string?> GetCardAsync(string tenant, int year, string generation, string unit)
    {
        var key = CardKey(tenant, year, generation, unit);
        if (TryLocal(key) is string hit)
        {
            telemetry?.Lookup("card", "local");
            return hit;
        }

        var value = await SafeAsync(db => db.StringGetAsync(key), RedisValue.Null);
        if (value.IsNull)
        {
            telemetry?.Lookup("card", "miss");
            return null;
        }

        telemetry?.Lookup("card", "redis");
        Remember(key, (string)value!);
        return value;
    }

    public Task SetCardAsync(string tenant, int year, string generation, string unit, string cardJson)
    {
        var key = CardKey(tenant, year, generation, unit);
        Remember(key, cardJson);
        return SafeAsync(async db =>
        {
            await db.StringSetAsync(key, cardJson, RedisLifetime);
            await db.SetAddAsync(IndexKey(tenant, year), key);
            await db.KeyExpireAsync(IndexKey(tenant, year), RedisLifetime);
            return true;
        }, false);
    }

    public async Task<IReadOnlyList<LeaderboardEntry>?> GetLeaderboardAsync(string tenant, int year, string generation, string group)
    {
        var key = BoardKey(tenant, year, generation, group);
        if (TryLocal(key) is IReadOnlyList<LeaderboardEntry> hit)
        {
            telemetry?.Lookup("leaderboard", "local");
            return hit;
        }

        var members = await SafeAsync(db => db.SortedSetRangeByRankAsync(key, 0, -1, Order.Ascending), []);
        if (members.Length == 0)
        {
            telemetry?.Lookup("leaderboard", "miss");
            return null;
        }

        telemetry?.Lookup("leaderboard", "redis");

        var entries = members.Select(m => JsonSerializer.Deserialize<LeaderboardEntry>((string)m!)!).ToList();
        Remember(key, entries);
        return entries;
    }

    public Task SetLeaderboardAsync(string tenant, int year, string generation, string group, IReadOnlyList<LeaderboardEntry> entries)
    {
        var key = BoardKey(tenant, year, generation, group);
        Remember(key, entries);
        return SafeAsync(async db =>
        {
            var batch = entries.Select((e, i) => new SortedSetEntry(JsonSerializer.Serialize(e), e.Rank + (i / 100_000.0))).ToArray();
            var tx = db.CreateTransaction();
            _ = tx.KeyDeleteAsync(key);
            _ = tx.SortedSetAddAsync(key, batch);
            _ = tx.KeyExpireAsync(key, RedisLifetime);
            _ = tx.SetAddAsync(IndexKey(tenant, year), key);
            _ = tx.KeyExpireAsync(IndexKey(tenant, year), RedisLifetime);
            return await tx.ExecuteAsync();
        }, false);
    }

    public async Task InvalidateAsync(string tenant, int year)
    {
        var scope = Scope(tenant, year);
        DropLocal(scope);
        await SafeAsync(async db =>
        {
            var keys = await db.SetMembersAsync(IndexKey(tenant, year));
            await db.KeyDeleteAsync(keys.Select(k => (RedisKey)(string)k!).Append(IndexKey(tenant, year)).ToArray());
            await db.Multiplexer.GetSubscriber().PublishAsync(InvalidationChannel, scope);
            return true;
        }, false);
    }

    public void Dispose()
    {
        stopping.Cancel();
        wake.Release();
        redis?.Dispose();
    }

    private static string Scope(string tenant, int year) => tenant + "|" + year.ToString(CultureInfo.InvariantCulture);

    private static string CardKey(string tenant, int year, string generation, string unit) => $"scoring:card:{Scope(tenant, year)}:{generation}:{unit}";

    private static string BoardKey(string tenant, int year, string generation, string group) => $"scoring:board:{Scope(tenant, year)}:{generation}:{group}";

    private static string IndexKey(string tenant, int year) => $"scoring:keys:{Scope(tenant, year)}";

    /// <summary>Connects in the background, then keeps the subscription alive across reconnections.</summary>
    private async Task MaintainAsync()
    {
        var warned = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (redis is null)
                {
                    // With abortConnect=false this returns a multiplexer that keeps reconnecting on its own, even when Redis is down.
                    var connected = await ConnectionMultiplexer.ConnectAsync(options);
                    connected.ConnectionFailed += (_, _) => OnConnectionChanged();
                    connected.ConnectionRestored += (_, _) => OnConnectionChanged();
                    if (stopping.IsCancellationRequested)
                    {
                        connected.Dispose();
                        return;
                    }

                    redis = connected;
                    telemetry?.Connected(connected);
                }

                if (redis.IsConnected && !subscribed)
                {
                    var subscriber = redis.GetSubscriber();
                    await subscriber.UnsubscribeAsync(InvalidationChannel, onMessage).WaitAsync(callTimeout, stopping.Token);
                    await subscriber.SubscribeAsync(InvalidationChannel, onMessage).WaitAsync(callTimeout, stopping.Token);

                    // The client does not say whether SUBSCRIBE reached the server: prove it with a message to ourselves.
                    var received = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    probeMessage = ProbePrefix + Guid.NewGuid().ToString("N");
                    probe = received;
                    await subscriber.PublishAsync(InvalidationChannel, probeMessage).WaitAsync(callTimeout, stopping.Token);
                    await received.Task.WaitAsync(callTimeout, stopping.Token);
                    subscribed = true;
                    logger.LogInformation("Redis connected and subscribed to {Channel}.", Channel);
                    warned = false;
                }
                else if (!redis.IsConnected && !warned)
                {
                    logger.LogWarning("Redis is unavailable; answering from the database until it is back.");
                    warned = true;
                }
            }
            catch (Exception e) when (stopping.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (Exception e)
            {
                // This loop is the only thing that (re)connects: it must survive whatever the client throws.
                logger.LogWarning(e, "Redis connection or subscription failed; retrying.");
            }

            try
            {
                await wake.WaitAsync(RetryInterval, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A connection dropped or came back: forget local copies (invalidations may have been missed) and re-subscribe.</summary>
    private void OnConnectionChanged()
    {
        subscribed = false;
        local.Clear();
        wake.Release();
    }

    private void OnMessage(string message)
    {
        if (message.StartsWith(ProbePrefix, StringComparison.Ordinal))
        {
            // Another host's probe is not an invalidation; ours confirms the subscription.
            if (message == probeMessage)
            {
                probe?.TrySetResult(true);
            }

            return;
        }

        DropLocal(message);
    }

    private void DropLocal(string scope)
    {
        foreach (var key in local.Keys.Where(k => k.Contains(":" + scope + ":", StringComparison.Ordinal)))
        {
            local.TryRemove(key, out _);
        }

        Invalidated?.Invoke(scope);
    }

    /// <summary>Local copies only while invalidations from other hosts can reach this one (connected and subscribed).</summary>
    private object? TryLocal(string key)
    {
        if (!IsSubscribed)
        {
            local.Clear();
            return null;
        }

        return local.TryGetValue(key, out var entry) && entry.Expires > Environment.TickCount64 ? entry.Value : null;
    }

    private void Remember(string key, object value)
    {
        if (IsSubscribed)
        {
            local[key] = (value, Environment.TickCount64 + (long)LocalLifetime.TotalMilliseconds);
        }
    }

    /// <summary>Runs a Redis call bounded by the call timeout; not connected, failed or too slow is a miss.</summary>
    private async Task<T> SafeAsync<T>(Func<IDatabase, Task<T>> action, T fallback)
    {
        var connection = redis;
        if (connection is null || !connection.IsConnected)
        {
            telemetry?.Call("unavailable", TimeSpan.Zero);
            return fallback;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await action(connection.GetDatabase()).WaitAsync(callTimeout);
            telemetry?.Call("ok", Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            telemetry?.Call("failed", Stopwatch.GetElapsedTime(started));
            logger.LogWarning(e, "Redis call failed; answering from the database.");
            return fallback;
        }
    }
}
