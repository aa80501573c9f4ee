using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class RunsApiTests(Backend backend)
{
    private ScoringHostFactory host = null!;
    private HttpClient maintainer = null!;
    private HttpClient admin = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(backend);
        await TestData.SeedAsync(host);
        maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        admin = host.ClientFor(Roles.Administrator);
        await SubmitAsync("xa-a", "30", dti: "1");
        await SubmitAsync("xa-b", "45");
        await SubmitAsync("xa-c", "20");
        await host.ClientFor(Roles.Unit, TestData.Tenant, "xa-d").PutAsJsonAsync("/api/tenants/son-la/submissions/2025/xa-d",
            new SubmissionValues(new() { ["staffTrained"] = "99" }));   // a draft: never scored
    }

    [TearDown]
    public void StopHost()
    {
        maintainer.Dispose();
        admin.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task Enqueue_SameRunTwice_IsOneRun_ThenResultsPerGroupAndCards()
    {
        var first = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));
        var second = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var run = (await first.Content.ReadFromJsonAsync<RunDto>())!;
        Assert.That((await second.Content.ReadFromJsonAsync<RunDto>())!.Id, Is.EqualTo(run.Id));
        var done = await TestData.WaitForRunAsync(maintainer, run.Id);
        Assert.That(done.Status, Is.EqualTo("completed"));
        Assert.That(done.Progress, Is.EqualTo(4));
        Assert.That(done.ResultSha256, Has.Length.EqualTo(64));

        var board = await maintainer.GetFromJsonAsync<List<LeaderboardEntry>>($"/api/runs/{run.Id}/groups/cum-1");
        Assert.That(board!.Select(b => (b.Rank, b.Unit, b.Total)), Is.EqualTo(new[] { (1, "xa-b", 45m), (2, "xa-a", 31m) }));
        var draft = await maintainer.GetFromJsonAsync<JsonElement>($"/api/runs/{run.Id}/units/xa-d");
        Assert.That(draft.GetProperty("total").GetDecimal(), Is.Zero, "a draft is not an input");
        Assert.That(await host.WithDbAsync(db => db.UnitResults.CountAsync()), Is.EqualTo(4));
    }

    [Test]
    public async Task AuthoritativeValue_OverridesSelfReported()
    {
        // xa-a reported dti = 1 itself; the published figure wins.
        await TestData.Ensure(await maintainer.PostAsync("/api/tenants/son-la/imports/dti/2025", TestData.Csv("unit,dti\nxa-a,0.95\n", "dti.csv")));

        var run = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, "1.0.0", ["cum-1"]))).Content.ReadFromJsonAsync<RunDto>())!;
        await TestData.WaitForRunAsync(maintainer, run.Id);

        var card = await maintainer.GetFromJsonAsync<JsonElement>($"/api/runs/{run.Id}/units/xa-a");
        Assert.That(card.GetProperty("values").GetProperty("dti").GetString(), Is.EqualTo("0.95"));
        Assert.That(run.Scope, Is.EqualTo("cum-1"));
    }

    [Test]
    public async Task Publish_IsAtomicAndFinal_AndMakesResultsPublic()
    {
        var run = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null))).Content.ReadFromJsonAsync<RunDto>())!;
        await TestData.WaitForRunAsync(maintainer, run.Id);
        var anonymous = host.CreateClient();

        var before = await anonymous.GetAsync($"/api/runs/{run.Id}/units/xa-a");
        var published = await admin.PostAsync($"/api/runs/{run.Id}/publish", null);
        var again = await admin.PostAsync($"/api/runs/{run.Id}/publish", null);
        var after = await anonymous.GetAsync($"/api/runs/{run.Id}/units/xa-a");
        var board = await anonymous.GetFromJsonAsync<List<LeaderboardEntry>>("/api/tenants/son-la/results/2025/groups/cum-1");
        var awards = await anonymous.GetFromJsonAsync<JsonElement>($"/api/runs/{run.Id}/awards");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(board!.First().Unit, Is.EqualTo("xa-b"));
        Assert.That(awards.EnumerateArray().Select(a => a.GetProperty("unit").GetString()), Is.EquivalentTo(new[] { "xa-b", "xa-c" }));
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "run.publish")), Is.EqualTo(1));
    }

    [Test]
    public async Task ChangedInputs_MakeANewRun()
    {
        var first = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null))).Content.ReadFromJsonAsync<RunDto>())!;
        await TestData.WaitForRunAsync(maintainer, first.Id);
        await TestData.Ensure(await maintainer.PostAsync("/api/tenants/son-la/imports/dti/2025", TestData.Csv("unit,dti\nxa-c,0.9\n", "dti.csv")));

        var second = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var dto = (await second.Content.ReadFromJsonAsync<RunDto>())!;
        Assert.That(dto.InputsSha256, Is.Not.EqualTo(first.InputsSha256));
        Assert.That(dto.RuleSetSha256, Is.EqualTo(first.RuleSetSha256));
    }

    private async Task SubmitAsync(string unit, string staffTrained, string? dti = null)
    {
        var client = host.ClientFor(Roles.Unit, TestData.Tenant, unit);
        var values = new Dictionary<string, string> { ["staffTrained"] = staffTrained };
        if (dti is not null)
        {
            values["dti"] = dti;
        }

        var path = $"/api/tenants/son-la/submissions/2025/{unit}";
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new SubmissionValues(values)) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        var put = await client.SendAsync(request);
        await TestData.Ensure(put);
        if ((await put.Content.ReadFromJsonAsync<SubmissionDto>())!.Status == "draft")
        {
            await TestData.Ensure(await client.PostAsync(path + "/submit", null));
        }
    }
}
