using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Scoring.Host.Tests.Fixtures;
using StackExchange.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scoring.Host.Tests.Caching;

/// <summary>Against a real redis-server, including Redis going down and coming back mid-test.</summary>
[NonParallelizable]
public sealed class RedisResultCacheTests
{
    private static readonly TimeSpan PubSubTimeout = TimeSpan.FromSeconds(60);
    private RedisFixture redis = null!;

    [OneTimeSetUp]
    public void StartRedis() => redis = new RedisFixture();

    [OneTimeTearDown]
    public void StopRedis() => redis.Dispose();

    [SetUp]
    public void EnsureRunning()
    {
        if (!redis.Running)
        {
            redis.Start();
        }
    }

    [Test]
    public async Task TwoHosts_ShareCardsAndLeaderboardsInRankOrder()
    {
        using var a = await ConnectedCacheAsync();
        using var b = await ConnectedCacheAsync();
        var board = new List<LeaderboardEntry> { new(1, "xa-b", "Xã Mường Bú", 91.5m, "xuat-sac", "co"), new(2, "xa-a", "Xã Chiềng Cơi", 80m, "tot", null), new(2, "xa-e", "Xã Ea", 80m, "tot", null) };

        await a.SetCardAsync("son-la", 2025, "g1", "xa-a", "{\"total\":80}");
        await a.SetLeaderboardAsync("son-la", 2025, "g1", "cum-1", board);

        Assert.That(await b.GetCardAsync("son-la", 2025, "g1", "xa-a"), Is.EqualTo("{\"total\":80}"));
        Assert.That(await b.GetLeaderboardAsync("son-la", 2025, "g1", "cum-1"), Is.EqualTo(board));
        Assert.That(await b.GetCardAsync("son-la", 2025, "g1", "xa-b"), Is.Null);
    }

    [Test]
    public async Task Invalidate_OnOneHost_ReachesTheOtherByPubSub()
    {
        using var a = await ConnectedCacheAsync();
        using var b = await ConnectedCacheAsync();
        await a.SetCardAsync("lai-chau", 2025, "g1", "xa-a", "{\"v\":1}");
        Assert.That(await b.GetCardAsync("lai-chau", 2025, "g1", "xa-a"), Is.EqualTo("{\"v\":1}"), "b now holds a local copy");
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Invalidated += scope => received.TrySetResult(scope);

        await a.InvalidateAsync("lai-chau", 2025);

        Assert.That(await received.Task.WaitAsync(PubSubTimeout), Is.EqualTo("lai-chau|2025"));
        Assert.That(await b.GetCardAsync("lai-chau", 2025, "g1", "xa-a"), Is.Null);
    }

    [Test]
    public async Task RedisDown_CallsFallBackWithoutThrowing_AndRecoverWhenItReturns()
    {
        using var cache = await ConnectedCacheAsync();
        await cache.SetCardAsync("son-la", 2025, "g1", "xa-z", "{\"v\":2}");

        redis.Stop();
        await WaitUntil(() => !cache.IsConnected);
        var whileDown = await cache.GetCardAsync("son-la", 2025, "g1", "xa-z");
        await cache.SetCardAsync("son-la", 2025, "g1", "xa-z", "{\"v\":3}");
        await cache.InvalidateAsync("son-la", 2025);
        redis.Start();
        await WaitUntil(() => cache.IsConnected);
        await cache.SetCardAsync("son-la", 2025, "g1", "xa-z", "{\"v\":4}");

        Assert.That(whileDown, Is.Null, "no stale local copy is served while Redis is down");
        Assert.That(await cache.GetCardAsync("son-la", 2025, "g1", "xa-z"), Is.EqualTo("{\"v\":4}"));
    }

    [Test]
    public async Task Api_PublishedCardIsCached_AndStillServedFromTheDatabaseWhenRedisIsDown()
    {
        using var host = new ScoringHostFactory(redis: redis.Configuration, services: s =>
        {
            s.RemoveAll<IRunCalculator>();
            s.AddSingleton<IRunCalculator>(new SumCalculator());
        });
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var admin = host.ClientFor(Roles.Administrator);
        using var anonymous = host.CreateClient();
        var run = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null))).Content.ReadFromJsonAsync<RunDto>())!;
        await TestData.WaitForRunAsync(maintainer, run.Id);
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{run.Id}/publish", null));

        await WaitUntil(() => ((RedisResultCache)host.Service<IResultCache>()).IsSubscribed);
        var first = await anonymous.GetAsync("/api/tenants/son-la/results/2025/units/xa-a");
        using (var direct = await ConnectionMultiplexer.ConnectAsync(redis.Configuration))
        {
            Assert.That(await direct.GetDatabase().KeyExistsAsync("scoring:card:son-la|2025:g1-1:xa-a"), Is.True);
        }

        redis.Stop();
        // Once the host's cache knows Redis is gone (before that a call waits for the configured timeout, then falls back too).
        var cache = (RedisResultCache)host.Service<IResultCache>();
        await WaitUntil(() => !cache.IsConnected);
        var down = await anonymous.GetAsync("/api/tenants/son-la/results/2025/units/xa-a");
        var board = await anonymous.GetAsync("/api/tenants/son-la/results/2025/groups/cum-1");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(down.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await down.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(board.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>A cache once it is connected and subscribed: the connection is made in the background and a loaded machine may take seconds.</summary>
    private async Task<RedisResultCache> ConnectedCacheAsync()
    {
        var cache = new RedisResultCache(redis.Configuration, NullLogger<RedisResultCache>.Instance);
        await WaitUntil(() => cache.IsSubscribed);
        return cache;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "condition not reached");
            await Task.Delay(50);
        }
    }
}
