using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Trace;
using Scoring.Host.Tests.Caching;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Telemetry;

/// <summary>
/// A host with a real redis-server: the cache's metrics on <c>/metrics</c>, and the spans of one request's path through the
/// service (request, run, EF Core commands, Redis commands) as an exporter receives them.
/// </summary>
[NonParallelizable]
public sealed class RedisAndTracingTests
{
    [Test]
    public async Task CardReads_AreCountedByWhereTheyWereAnswered_AndRedisCallsAreTimed()
    {
        using var redis = new RedisFixture();
        using var host = CacheScenario.Host(redis.Configuration);
        await CacheScenario.WaitUntil(() => host.Cache().IsSubscribed, "the host did not connect to Redis");
        await TestData.SeedAsync(host);
        await CacheScenario.PublishRunAsync(host);

        var first = await CacheScenario.CardAsync(host);
        var second = await CacheScenario.CardAsync(host);
        using var admin = host.ClientFor(Roles.Administrator);
        var text = await admin.GetStringAsync("/metrics");

        Assert.That((first.Status, second.Status), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(Scrape.Sum(text, "scoring_cache_lookups_total", "kind=\"card\"", "result=\"miss\""), Is.GreaterThanOrEqualTo(1), text);
        Assert.That(Scrape.Sum(text, "scoring_cache_lookups_total", "kind=\"card\"", "result=\"local\""), Is.GreaterThanOrEqualTo(1),
            "the second read is answered by this host's copy");
        Assert.That(Scrape.Sum(text, "scoring_cache_redis_duration_seconds_count", "outcome=\"ok\""), Is.GreaterThanOrEqualTo(2),
            "the miss's GET and the card's SET went to Redis");
    }

    [Test]
    public async Task OneRunAndOneRead_LeaveSpansForTheRequest_TheRun_TheDatabaseAndRedis()
    {
        using var redis = new RedisFixture();
        var spans = new ConcurrentQueue<Activity>();
        using var host = new ScoringHostFactory(redis: redis.Configuration, services: s =>
        {
            s.RemoveAll<IRunCalculator>();
            s.AddSingleton<IRunCalculator>(new StampingCalculator());
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(new SpanSink(spans)));
        });
        _ = host.Server;
        await CacheScenario.WaitUntil(() => host.Cache().IsSubscribed, "the host did not connect to Redis");
        await TestData.SeedAsync(host);
        await CacheScenario.PublishRunAsync(host);
        await CacheScenario.CardAsync(host);

        // Redis spans come from the client's profiler, exported every second.
        await CacheScenario.WaitUntil(() => spans.Any(a => a.Source.Name.Contains("Redis", StringComparison.Ordinal)), "no Redis span was exported");

        var run = spans.Single(a => a.Source.Name == RunTelemetry.Name);
        Assert.That(run.DisplayName, Is.EqualTo("run.execute"));
        Assert.That(run.GetTagItem("scoring.run.outcome"), Is.EqualTo("completed"));
        Assert.That(run.GetTagItem("scoring.tenant"), Is.EqualTo(TestData.Tenant));
        Assert.That(spans.Where(a => a.Source.Name == RunTelemetry.Name && a.Status == ActivityStatusCode.Error), Is.Empty);
        Assert.That(spans.Any(a => a.Kind == ActivityKind.Server && (a.GetTagItem("http.route") as string)?.EndsWith("/units/{unit}", StringComparison.Ordinal) == true),
            Is.True, "the card request");
        Assert.That(spans.Any(a => a.Kind == ActivityKind.Client && a.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal)
            && Equals(a.GetTagItem("db.system"), "sqlite")), Is.True, "an EF Core command");
        Assert.That(spans.Any(a => a.ParentSpanId == run.SpanId && a.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal)),
            Is.True, "the run's database commands are children of the run");
    }

    /// <summary>The in-memory exporter wants an ICollection; a queue is safe to read while the host still adds spans.</summary>
    private sealed class SpanSink(ConcurrentQueue<Activity> queue) : ICollection<Activity>
    {
        public int Count => queue.Count;

        public bool IsReadOnly => false;

        public void Add(Activity item) => queue.Enqueue(item);

        public void Clear() => queue.Clear();

        public bool Contains(Activity item) => queue.Contains(item);

        public void CopyTo(Activity[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);

        public bool Remove(Activity item) => throw new NotSupportedException();

        public IEnumerator<Activity> GetEnumerator() => queue.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
