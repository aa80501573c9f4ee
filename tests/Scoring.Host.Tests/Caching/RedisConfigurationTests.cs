using Microsoft.Extensions.Logging.Abstractions;

namespace Scoring.Host.Tests.Caching;

public sealed class RedisConfigurationTests
{
    [Test]
    public void MalformedRedisConfiguration_IsRefusedWithTheKeyNamed()
    {
        Assert.That(() => new RedisResultCache("127.0.0.1:6379,notAnOption=1", NullLogger<RedisResultCache>.Instance),
            Throws.TypeOf<SettingException>().With.Message.Contains("Redis:Configuration").And.Message.Contains("notAnOption"));
    }

    [Test]
    public async Task UnreachableRedis_EveryCallIsAMiss_AndNothingThrows()
    {
        // Port 9 (discard) on loopback: nothing listens, so the background connection keeps failing.
        using var cache = new RedisResultCache("127.0.0.1:9,abortConnect=false,connectTimeout=200", NullLogger<RedisResultCache>.Instance);

        await cache.SetCardAsync("son-la", 2025, "g1", "xa-a", "{}");
        await cache.SetLeaderboardAsync("son-la", 2025, "g1", "cum-1", [new LeaderboardEntry(1, "xa-a", "Xã A", 1m, "tot", null)]);
        await cache.InvalidateAsync("son-la", 2025);

        Assert.That(await cache.GetCardAsync("son-la", 2025, "g1", "xa-a"), Is.Null);
        Assert.That(await cache.GetLeaderboardAsync("son-la", 2025, "g1", "cum-1"), Is.Null);
        Assert.That(cache.IsSubscribed, Is.False);
    }
}
