using System.Net;
using System.Net.Http.Json;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Caching;

/// <summary>Two hosts on one PostgreSQL database and one Redis: a publish on one is what the other serves next.</summary>
[NonParallelizable]
public sealed class TwoHostsCacheTests
{
    [Test]
    public async Task HostB_ServesTheNewCardAndLeaderboard_AfterHostAPublishes()
    {
        using var redis = RedisFixture.Persistent();
        redis.Start();
        var database = PostgresFixture.Instance.CreateDatabase();
        var calculator = new StampingCalculator();
        using var a = CacheScenario.Host(redis.Configuration, database, calculator);
        using var b = CacheScenario.Host(redis.Configuration, database, calculator);
        await CacheScenario.WaitUntil(() => a.Cache().IsSubscribed && b.Cache().IsSubscribed, "the hosts did not connect to Redis");
        await TestData.SeedAsync(a);
        await CacheScenario.PublishRunAsync(a);
        var firstOnB = await CacheScenario.CardAsync(b);
        var firstOnA = await CacheScenario.CardAsync(a);
        var boardBefore = await BoardAsync(b);
        var invalidatedOnB = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        b.Cache().Invalidated += scope => invalidatedOnB.TrySetResult(scope);

        await CacheScenario.PublishRunAsync(a);
        var secondOnB = await CacheScenario.CardAsync(b);
        var boardAfter = await BoardAsync(b);

        Assert.That(firstOnB, Is.EqualTo((HttpStatusCode.OK, 1)));
        Assert.That(firstOnA, Is.EqualTo((HttpStatusCode.OK, 1)), "A serves the same card");
        Assert.That(secondOnB, Is.EqualTo((HttpStatusCode.OK, 2)), "B serves run 2's card right after A published it");
        Assert.That(boardAfter.Single(e => e.Unit == "xa-a").Total, Is.Not.EqualTo(boardBefore.Single(e => e.Unit == "xa-a").Total),
            "B's leaderboard has run 2's total for xa-a");
        Assert.That(await invalidatedOnB.Task.WaitAsync(TimeSpan.FromSeconds(30)), Is.EqualTo("son-la|2025"), "A's invalidation reached B");
    }

    private static async Task<List<LeaderboardEntry>> BoardAsync(ScoringHostFactory host)
    {
        using var anonymous = host.CreateClient();
        return (await anonymous.GetFromJsonAsync<List<LeaderboardEntry>>("/api/tenants/son-la/results/2025/groups/cum-1"))!;
    }
}
