using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;
using Scoring.Engine;

namespace Scoring.Host.Tests.Runs;

/// <summary>
/// A run's inputs are narrowed to what its rule set scores before they are hashed: an enterprise's revision, or an
/// indicator the rule set does not declare, is the same run; a commune's revision is a new one. The narrowed inputs score
/// exactly like the full ones (real engine), the export re-scores the stored inputs, and Total counts the scored units.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class RunInputsFilterTests(Backend backend)
{
    private const string UnitsCsv = TestData.UnitsCsv + "dn-1,Công ty Cổ phần Chè Mộc Châu,enterprise,2020-01-01,,\n"
        + "dn-2,Công ty TNHH Điện lực Sơn La,enterprise,2020-01-01,,\n";
    private const string GroupsCsv = TestData.GroupsCsv
        + "khoi-dn,Khối doanh nghiệp,bloc,dn-1,head\n"
        + "cum-1,Cụm thi đua số 1,cluster,dn-2,member\n";   // an enterprise listed in a commune cluster too
    private ScoringHostFactory host = null!;
    private HttpClient? maintainer;

    [SetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory(backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null);
        await TestData.SeedAsync(host);
        using var admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(UnitsCsv, "units.csv")));
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/groups/2025/import", TestData.Csv(GroupsCsv, "groups-2025.csv")));
        maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        // Enterprises report against their own rule set (a value is checked against the rule set that applies to its unit).
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets",
            new StringContent(File.ReadAllText(TestData.CatalogFile("doanh-nghiep.rules.json")), System.Text.Encoding.UTF8, "application/json")));
        await SubmitAsync("xa-a", new() { ["staffTrained"] = "30", ["staffTotal"] = "40", ["dti"] = "0.7" });
        await SubmitAsync("xa-b", new() { ["staffTrained"] = "45", ["staffTotal"] = "50" });
        await SubmitAsync("dn-1", new() { ["enterpriseDigitalAdoption"] = "10", ["enterpriseRdSpendingRate"] = "1.2" });
    }

    [TearDown]
    public void StopHost()
    {
        maintainer?.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task UnrelatedUnitsRevision_IsTheSameRun_AndARelevantRevisionIsANewRun()
    {
        var first = await EnqueueAsync();
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var run = (await first.Content.ReadFromJsonAsync<RunDto>())!;
        await TestData.WaitForRunAsync(maintainer!, run.Id);

        await ReviseAsync("dn-1", new() { ["enterpriseDigitalAdoption"] = "11", ["enterpriseRdSpendingRate"] = "1.5" });
        var afterEnterprise = await EnqueueAsync();
        Assert.That(afterEnterprise.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an enterprise is not scored by the communes' rule set");
        Assert.That((await afterEnterprise.Content.ReadFromJsonAsync<RunDto>())!.Id, Is.EqualTo(run.Id));

        // A value no applicable rule set declares cannot enter at all (422, nothing stored), so it cannot change a run.
        using (var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-c"))
        {
            var undeclared = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/son-la/submissions/2025/xa-c")
            {
                Content = JsonContent.Create(new SubmissionValues(new() { ["staffTrained"] = "5", ["revenue"] = "9" })),
            };
            undeclared.Headers.TryAddWithoutValidation("If-Match", "*");
            Assert.That((await unit.SendAsync(undeclared)).StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        }

        var afterUndeclared = await EnqueueAsync();
        Assert.That(afterUndeclared.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the refused value changed nothing");

        await ReviseAsync("xa-b", new() { ["staffTrained"] = "46", ["staffTotal"] = "50" });
        var afterCommune = await EnqueueAsync();
        Assert.That(afterCommune.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a commune's revision changes what is scored");
        var second = (await afterCommune.Content.ReadFromJsonAsync<RunDto>())!;
        Assert.That(second.Id, Is.Not.EqualTo(run.Id));
        Assert.That(second.InputsSha256, Is.Not.EqualTo(run.InputsSha256));
    }

    [Test]
    public async Task StoredInputs_HoldOnlyWhatTheRuleSetScores_AndScoreLikeTheFullInputs()
    {
        var run = (await (await EnqueueAsync()).Content.ReadFromJsonAsync<RunDto>())!;
        var done = await TestData.WaitForRunAsync(maintainer!, run.Id);
        Assert.That(done.Status, Is.EqualTo("completed"), done.Error);

        var stored = RunJson.Deserialize<RunInputs>(await host.WithDbAsync(db => db.ScoringRuns.Where(r => r.Id == run.Id).Select(r => r.InputsJson).SingleAsync()));
        Assert.That(stored.Units.Select(u => u.Code), Is.EqualTo(new[] { "xa-a", "xa-b", "xa-c", "xa-d" }));
        Assert.That(stored.Groups.Select(g => g.Code), Is.EqualTo(new[] { "cum-1", "cum-2" }), "the enterprises' block is not part of the run");
        Assert.That(stored.Groups[0].Members, Is.EqualTo(new[] { "xa-a", "xa-b" }));
        Assert.That(stored.Units[0].Values.Keys, Is.EquivalentTo(new[] { "dti", "reportSubmittedOn", "staffTotal", "staffTrained" }));

        // The full inputs, as they were before filtering, score to the very same result document.
        var ruleSet = await host.WithDbAsync(db => db.RuleSetVersions.SingleAsync(v => v.RuleSetId == TestData.RuleSetId));
        var full = await host.WithDbAsync(db => RunInputsBuilder.BuildAsync(db, TestData.Tenant, 2025, [], CancellationToken.None));
        Assert.That(full.Units.Select(u => u.Code), Has.Member("dn-1"), "the unfiltered inputs do contain the enterprise");
        var ruleSets = new PublishedRuleSets(new CompiledRuleSetCache());
        var calculator = new EngineRunCalculator(ruleSets);
        var fromFull = calculator.Score(ruleSet, full);
        var fromStored = calculator.Score(ruleSet, stored);
        var filtered = calculator.Score(ruleSet, RunInputsFilter.For(full, ruleSets.RuleSet(ruleSet)));
        Assert.That(fromFull.Succeeded, Is.True, string.Join(" ", fromFull.Problems));
        Assert.That(EngineRunCalculator.ResultJson(fromStored), Is.EqualTo(EngineRunCalculator.ResultJson(fromFull)));
        Assert.That(EngineRunCalculator.ResultJson(filtered), Is.EqualTo(EngineRunCalculator.ResultJson(fromFull)));

        // The export re-scores the stored inputs and checks the result hash.
        var export = await maintainer!.GetAsync($"/api/runs/{run.Id}/export.xlsx");
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK), await export.Content.ReadAsStringAsync());

        var card = await maintainer!.GetFromJsonAsync<JsonElement>($"/api/runs/{run.Id}/units/xa-a");
        Assert.That(card.GetRawText(), Does.Not.Contain("revenue"));
    }

    [Test]
    public async Task Total_IsTheNumberOfScoredUnits_AndProgressReachesItAtCompletion()
    {
        var run = (await (await EnqueueAsync()).Content.ReadFromJsonAsync<RunDto>())!;
        Assert.That(run.Total, Is.EqualTo(4), "four communes in two clusters; the enterprise is not scored");

        var done = await TestData.WaitForRunAsync(maintainer!, run.Id);

        Assert.That(done.Status, Is.EqualTo("completed"), done.Error);
        Assert.That((done.Progress, done.Total), Is.EqualTo((4, 4)));
        Assert.That(await host.WithDbAsync(db => db.UnitResults.CountAsync(u => u.RunId == run.Id)), Is.EqualTo(done.Total));
    }

    [Test]
    public async Task ScopedRun_TotalsOnlyTheGroupsInScope()
    {
        var response = await maintainer!.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, ["cum-1"]));
        var run = (await response.Content.ReadFromJsonAsync<RunDto>())!;
        Assert.That(run.Total, Is.EqualTo(2), "xa-a and xa-b; dn-2 is in cum-1 but is an enterprise");

        var done = await TestData.WaitForRunAsync(maintainer!, run.Id);

        Assert.That((done.Status, done.Progress, done.Total), Is.EqualTo(("completed", 2, 2)));
    }

    private Task<HttpResponseMessage> EnqueueAsync() =>
        maintainer!.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));

    /// <summary>A new revision of a submitted report: the administrator returns it, the unit edits and submits again.</summary>
    private async Task ReviseAsync(string unit, Dictionary<string, string> values)
    {
        using var admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PostAsJsonAsync($"/api/tenants/son-la/submissions/2025/{unit}/return", new ReviewComments("Bổ sung số liệu.")));
        await SubmitAsync(unit, values);
    }

    private async Task SubmitAsync(string unit, Dictionary<string, string> values)
    {
        using var client = host.ClientFor(Roles.Unit, TestData.Tenant, unit);
        var path = $"/api/tenants/son-la/submissions/2025/{unit}";
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new SubmissionValues(values)) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        var put = await client.SendAsync(request);
        await TestData.Ensure(put);
        if ((await put.Content.ReadFromJsonAsync<SubmissionDto>())!.Status is "draft" or "returned")
        {
            await TestData.Ensure(await client.PostAsync(path + "/submit", null));
        }
    }
}
