using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Runs;

/// <summary>The published results of a year are those of the run published last, not of the run with the highest id.</summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class LatestPublishedTests(Backend backend)
{
    [Test]
    public async Task AnEarlierRunPublishedLater_IsTheLatestPublished()
    {
        using var host = ApiHost.Start(backend);
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var admin = host.ClientFor(Roles.Administrator);
        using var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        var request = new RunRequest(2025, TestData.RuleSetId, null, null);

        var older = await RunAsync(maintainer, request);   // before xa-a's report: total 0
        await TestData.Ensure(await unit.PutAsJsonAsync("/api/tenants/son-la/submissions/2025/xa-a", new SubmissionValues(new() { ["staffTrained"] = "7" })));
        await TestData.Ensure(await unit.PostAsync("/api/tenants/son-la/submissions/2025/xa-a/submit", null));
        var newer = await RunAsync(maintainer, request);   // with it: total 7
        host.Clock.Now = Instant.FromUtc(2025, 12, 1, 3, 0);
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{newer}/publish", null));
        using var anonymous = host.ClientFor(Roles.Public);
        var before = await TotalAsync(anonymous);
        host.Clock.Now = Instant.FromUtc(2025, 12, 2, 3, 0);
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{older}/publish", null));

        Assert.That(newer, Is.GreaterThan(older));
        Assert.That(before, Is.EqualTo(7m), "only the newer run was published");
        Assert.That(await TotalAsync(anonymous), Is.Zero, "the older run, published last, is the latest published card");
        var board = (await anonymous.GetFromJsonAsync<List<LeaderboardEntry>>("/api/tenants/son-la/results/2025/groups/cum-1"))!;
        Assert.That(board.Single(e => e.Unit == "xa-a").Total, Is.Zero, "and the latest published leaderboard");
    }

    private static async Task<decimal> TotalAsync(HttpClient client)
    {
        using var card = JsonDocument.Parse(await client.GetStringAsync("/api/tenants/son-la/results/2025/units/xa-a"));
        return card.RootElement.GetProperty("total").GetDecimal();
    }

    private static async Task<long> RunAsync(HttpClient client, RunRequest request)
    {
        var run = (await (await client.PostAsJsonAsync("/api/tenants/son-la/runs", request)).Content.ReadFromJsonAsync<RunDto>())!;
        Assert.That((await TestData.WaitForRunAsync(client, run.Id)).Status, Is.EqualTo("completed"));
        return run.Id;
    }
}
