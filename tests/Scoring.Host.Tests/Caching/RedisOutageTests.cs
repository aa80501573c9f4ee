using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Scoring.Host.Tests.Fixtures;
using StackExchange.Redis;

namespace Scoring.Host.Tests.Caching;

/// <summary>
/// A real redis-server with persistence going down and coming back: no host may serve a card published before the latest
/// publish, and a host started while Redis is down answers from the database and joins Redis when it comes up.
/// </summary>
[NonParallelizable]
public sealed class RedisOutageTests
{
    [Test]
    public async Task PublishWhileRedisIsDown_ThenRedisComesBackWithTheOldCard_TheNewCardIsServed()
    {
        using var redis = RedisFixture.Persistent();
        redis.Start();
        using var host = CacheScenario.Host(redis.Configuration);
        await TestData.SeedAsync(host);
        await CacheScenario.PublishRunAsync(host);
        await CacheScenario.WaitUntil(() => host.Cache().IsSubscribed, "the host did not connect to Redis");
        var before = await CacheScenario.CardAsync(host);
        var oldKeys = await CardKeysAsync(redis);

        redis.Stop();
        await CacheScenario.WaitUntil(() => !host.Cache().IsConnected, "the host did not notice Redis stopping");
        await CacheScenario.PublishRunAsync(host);
        redis.Start();
        await CacheScenario.WaitUntil(() => host.Cache().IsSubscribed, "the host did not reconnect to Redis");
        var keptOverRestart = await CardKeysAsync(redis);
        var after = await CacheScenario.CardAsync(host);
        var again = await CacheScenario.CardAsync(host);

        Assert.That(before, Is.EqualTo((HttpStatusCode.OK, 1)));
        Assert.That(oldKeys, Has.Length.EqualTo(1), "run 1's card was cached in Redis");
        Assert.That(keptOverRestart, Is.EquivalentTo(oldKeys), "the invalidation was lost and Redis kept run 1's card over the restart");
        Assert.That(after, Is.EqualTo((HttpStatusCode.OK, 2)), "run 2's card, not the one Redis kept");
        Assert.That(again, Is.EqualTo((HttpStatusCode.OK, 2)), "and again, now from the cache");
        Assert.That(await CardKeysAsync(redis), Has.Length.EqualTo(2), "run 2's card is cached under its own generation");
    }

    [Test]
    public async Task AReaderThatWritesTheOldCardAfterAPublish_DoesNotMakeItServed()
    {
        using var redis = RedisFixture.Persistent();
        redis.Start();
        using var host = CacheScenario.Host(redis.Configuration);
        await TestData.SeedAsync(host);
        await CacheScenario.PublishRunAsync(host);
        await CacheScenario.WaitUntil(() => host.Cache().IsSubscribed, "the host did not connect to Redis");
        var (_, first) = await CacheScenario.CardAsync(host);
        // A slow reader read the generation and run 1's card from the database before the publish ...
        var readerGeneration = await CacheScenario.GenerationAsync(host);
        var readerCard = await host.WithDbAsync(db => Task.FromResult(db.UnitResults.Where(r => r.UnitCode == "xa-a").OrderBy(r => r.RunId).Select(r => r.CardJson).First()));

        await CacheScenario.PublishRunAsync(host);
        // ... and writes it to the cache after the publish (and after its invalidation).
        await host.Cache().SetCardAsync(TestData.Tenant, 2025, readerGeneration, "xa-a", readerCard);
        var served = await CacheScenario.CardAsync(host);

        Assert.That(first, Is.EqualTo(1));
        Assert.That(await CacheScenario.GenerationAsync(host), Is.Not.EqualTo(readerGeneration), "the publish changed the generation");
        Assert.That(served, Is.EqualTo((HttpStatusCode.OK, 2)));
    }

    [Test]
    public async Task HostStartedWhileRedisIsDown_AnswersFromTheDatabase_ThenJoinsRedisAndReceivesInvalidations()
    {
        using var redis = RedisFixture.Persistent();
        using var host = CacheScenario.Host(redis.Configuration);
        await TestData.SeedAsync(host);
        await CacheScenario.PublishRunAsync(host);

        var whileDown = await CacheScenario.CardAsync(host);
        redis.Start();
        await CacheScenario.WaitUntil(() => host.Cache().IsSubscribed, "the host did not connect to Redis once it started");
        var cached = await CacheScenario.CardAsync(host);
        var keysAfterRead = await CardKeysAsync(redis);
        using var other = new RedisResultCache(redis.Configuration, NullLogger<RedisResultCache>.Instance);
        await CacheScenario.WaitUntil(() => other.IsSubscribed, "the second cache did not connect");
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Cache().Invalidated += scope => received.TrySetResult(scope);

        await other.InvalidateAsync(TestData.Tenant, 2025);

        Assert.That(await received.Task.WaitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo("son-la|2025"), "the host received the invalidation");
        Assert.That(whileDown, Is.EqualTo((HttpStatusCode.OK, 1)), "answered from the database while Redis was down");
        Assert.That(cached, Is.EqualTo((HttpStatusCode.OK, 1)));
        Assert.That(keysAfterRead, Has.Length.EqualTo(1), "once connected, the host caches in Redis");
        Assert.That(await CardKeysAsync(redis), Is.Empty, "the other cache's invalidation removed the keys");
        Assert.That(await CacheScenario.CardAsync(host), Is.EqualTo((HttpStatusCode.OK, 1)));
        Assert.That(await CardKeysAsync(redis), Has.Length.EqualTo(1), "read again from the database and cached again");
    }

    private static async Task<string[]> CardKeysAsync(RedisFixture redis)
    {
        using var direct = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var server = direct.GetServer(direct.GetEndPoints()[0]);
        return server.Keys(pattern: "scoring:card:son-la|2025:*:xa-a").Select(k => (string)k!).ToArray();
    }
}
