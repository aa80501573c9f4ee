using System.Diagnostics.Metrics;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using StackExchange.Redis;

namespace Scoring.Host.Telemetry;

/// <summary>
/// Metrics of the result cache (where each card or leaderboard read was answered, how Redis calls went and how long they
/// took); a Redis connection, once made, is handed to OpenTelemetry's StackExchange.Redis instrumentation for its spans.
/// </summary>
internal sealed class CacheTelemetry
{
    public const string Name = "Scoring.Cache";

    private readonly Counter<long> lookups;
    private readonly Histogram<double> calls;
    private readonly IServiceProvider services;

    public CacheTelemetry(IMeterFactory meters, IServiceProvider services)
    {
        this.services = services;
        var meter = meters.Create(Name);
        lookups = meter.CreateCounter<long>("scoring.cache.lookups", "{lookup}",
            "Cache reads by kind (card, leaderboard) and where they were answered (result: local, redis, miss).");
        calls = meter.CreateHistogram<double>("scoring.cache.redis.duration", "s",
            "Redis calls of the result cache by outcome (ok, failed; unavailable when not connected, not sent).");
    }

    public void Lookup(string kind, string result) =>
        lookups.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("result", result));

    public void Call(string outcome, TimeSpan elapsed) => calls.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Traces this connection's commands when tracing is on (the instrumentation is then in the container).</summary>
    public void Connected(IConnectionMultiplexer connection) =>
        services.GetService<StackExchangeRedisInstrumentation>()?.AddConnection(connection);
}
