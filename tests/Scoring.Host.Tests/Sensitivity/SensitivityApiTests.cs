using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Sensitivity;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Pages;

namespace Scoring.Host.Tests.Sensitivity;

/// <summary>
/// The sensitivity API on the real service and engine with Sơn La's communes (run 1 scores cụm 1, run 2 cụm 2): a stored
/// run, a published version and a workbench draft on the stored 2025; the same seed gives the same bytes; who may ask;
/// every bad parameter is a 400 with a Vietnamese detail naming it.
/// </summary>
public sealed class SensitivityApiTests
{
    private ScoringHostFactory host = null!;
    private long cluster2Run;
    private long everyClusterRun;
    private string draftVersion = "";

    [OneTimeSetUp]
    public async Task PrepareService()
    {
        host = new ScoringHostFactory();
        (_, cluster2Run) = await PublishedSite.PrepareAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var enqueued = await maintainer.PostAsJsonAsync($"/api/tenants/{TestData.Tenant}/runs", new RunRequest(2025, TestData.RuleSetId, null, null));
        await TestData.Ensure(enqueued);
        everyClusterRun = (await TestData.WaitForRunAsync(maintainer, (await enqueued.Content.ReadFromJsonAsync<RunDto>())!.Id)).Id;

        draftVersion = "1.5.0";
        await using var scope = host.Services.CreateAsyncScope();
        var actor = new Actor("test", Roles.RuleMaintainer, TestData.Tenant, null, new HashSet<string>());
        var created = await scope.ServiceProvider.GetRequiredService<RuleSetDrafts>().CreateFromAsync(TestData.RuleSetId, "1.0.0", draftVersion, actor, CancellationToken.None);
        Assert.That(created.Problem, Is.Null);
    }

    [OneTimeTearDown]
    public void StopService() => host.Dispose();

    [Test]
    public async Task A_run_is_analysed_from_its_frozen_inputs_the_same_bytes_for_the_same_seed()
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var url = $"/api/runs/{cluster2Run}/sensitivity?samples=60&seed=7&spread=7,5";

        var first = await maintainer.GetAsync(url);
        var body = await first.Content.ReadAsStringAsync();
        var again = await maintainer.GetStringAsync(url);
        var otherSeed = await maintainer.GetStringAsync($"/api/runs/{cluster2Run}/sensitivity?samples=60&seed=8&spread=7.5");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(again, Is.EqualTo(body), "the same seed gives the same bytes");
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("samples").GetInt32(), Is.EqualTo(60));
        Assert.That(json.RootElement.GetProperty("spreadPercent").GetDecimal(), Is.EqualTo(7.5m));
        Assert.That(json.RootElement.GetProperty("seed").GetUInt64(), Is.EqualTo(7UL));
        var set = json.RootElement.GetProperty("ruleSets").EnumerateArray().Single();
        Assert.That(set.GetProperty("id").GetString(), Is.EqualTo(TestData.RuleSetId));
        Assert.That(set.GetProperty("year").GetInt32(), Is.EqualTo(2025));
        var group = set.GetProperty("groups").EnumerateArray().Single();
        Assert.That(group.GetProperty("code").GetString(), Is.EqualTo("cum-2"), "the run scored cụm 2 only");
        var units = group.GetProperty("units").EnumerateArray().ToList();
        Assert.That(units.Select(u => u.GetProperty("code").GetString()), Is.EquivalentTo(new[] { "xa-c", "xa-d" }));
        Assert.That(units.Select(u => u.GetProperty("rankKept").GetInt32()), Has.All.InRange(0, 60));
        Assert.That(units, Has.All.Matches<JsonElement>(u => u.GetProperty("rankKeptShare").GetDecimal() == Math.Round(u.GetProperty("rankKept").GetInt32() / 60m, 4, MidpointRounding.AwayFromZero)));
        Assert.That(group.GetProperty("leaderKept").GetInt32(), Is.InRange(0, 60));
        Assert.That(otherSeed, Does.Contain("\"seed\": 8").Or.Contain("\"seed\":8"));
    }

    [Test]
    public async Task A_secretariat_analyses_a_run_of_its_cluster_and_sees_its_own_cluster_only()
    {
        using var cluster1 = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1");
        var answer = await cluster1.GetAsync($"/api/runs/{everyClusterRun}/sensitivity?samples=30");
        var body = await answer.Content.ReadAsStringAsync();

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var json = JsonDocument.Parse(body);
        var groups = json.RootElement.GetProperty("ruleSets")[0].GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("code").GetString());
        Assert.That(groups, Is.EqualTo(new[] { "cum-1" }));

        using var admin = host.ClientFor(Roles.Administrator);
        var all = JsonDocument.Parse(await admin.GetStringAsync($"/api/runs/{everyClusterRun}/sensitivity?samples=30"));
        Assert.That(all.RootElement.GetProperty("ruleSets")[0].GetProperty("groups").GetArrayLength(), Is.EqualTo(2), "an administrator sees every cluster");
    }

    [Test]
    public async Task Only_staff_who_read_the_run_may_analyse_it()
    {
        var url = $"/api/runs/{cluster2Run}/sensitivity?samples=10";
        using var cluster1 = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1");
        using var otherTenant = host.ClientFor(Roles.RuleMaintainer, "lai-chau");
        using var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-c");
        using var cluster2 = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-2");
        using var anonymous = host.CreateClient();

        Assert.That((await cluster1.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a secretariat of another cluster");
        Assert.That((await otherTenant.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "another tenant's maintainer");
        Assert.That((await unit.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a unit of the run");
        Assert.That((await anonymous.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await cluster2.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the run's own secretariat");
        Assert.That((await cluster2.GetAsync("/api/runs/987654/sensitivity")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_published_version_and_a_draft_are_analysed_on_the_stored_year_for_their_tenant_only()
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var otherTenant = host.ClientFor(Roles.RuleMaintainer, "lai-chau");
        using var secretariat = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1");
        var published = $"/api/rule-sets/{TestData.RuleSetId}/1.0.0/sensitivity?tenant=son-la&year=2025&samples=40&seed=3";
        var draft = $"/api/rule-sets/{TestData.RuleSetId}/drafts/{draftVersion}/sensitivity?year=2025&samples=40&seed=3";

        var fromVersion = await maintainer.GetAsync(published);
        var fromDraft = await maintainer.GetAsync(draft);

        Assert.That(fromVersion.StatusCode, Is.EqualTo(HttpStatusCode.OK), await fromVersion.Content.ReadAsStringAsync());
        Assert.That(fromDraft.StatusCode, Is.EqualTo(HttpStatusCode.OK), await fromDraft.Content.ReadAsStringAsync());
        var version = (await fromVersion.Content.ReadFromJsonAsync<SensitivityReportDto>())!;
        var copy = (await fromDraft.Content.ReadFromJsonAsync<SensitivityReportDto>())!;
        Assert.That(copy.RuleSets.Single().Version, Is.EqualTo(draftVersion));
        Assert.That(version.RuleSets.Single().Groups.Select(g => g.Code), Is.EqualTo(new[] { "cum-1", "cum-2" }));
        // The draft is a copy of 1.0.0: the same points and thresholds, so the same seed moves every unit the same way.
        Assert.That(copy.RuleSets.Single().Groups.SelectMany(g => g.Units).Select(u => (u.Code, u.RankKept, u.AwardKept)),
            Is.EqualTo(version.RuleSets.Single().Groups.SelectMany(g => g.Units).Select(u => (u.Code, u.RankKept, u.AwardKept))));

        Assert.That((await otherTenant.GetAsync(published)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await otherTenant.GetAsync(draft)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await secretariat.GetAsync(published)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await secretariat.GetAsync(draft)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await maintainer.GetAsync($"/api/rule-sets/{TestData.RuleSetId}/9.9.9/sensitivity?tenant=son-la&year=2025")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await maintainer.GetAsync($"/api/rule-sets/{TestData.RuleSetId}/drafts/9.9.9/sensitivity?year=2025")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await maintainer.GetAsync($"/api/rule-sets/{TestData.RuleSetId}/1.0.0/sensitivity?tenant=son-la")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await maintainer.GetAsync($"/api/rule-sets/{TestData.RuleSetId}/drafts/{draftVersion}/sensitivity")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var empty = await maintainer.GetAsync($"/api/rule-sets/{TestData.RuleSetId}/drafts/{draftVersion}/sensitivity?year=2031");
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "a year without groups has nothing to analyse");
        Assert.That(await empty.Content.ReadAsStringAsync(), Does.Contain("không có gì để xếp hạng"));
    }

    [TestCase("spread=0", "spread", "phải lớn hơn 0 và nhỏ hơn 100")]
    [TestCase("spread=100", "spread", "phải lớn hơn 0 và nhỏ hơn 100")]
    [TestCase("spread=-5", "spread", "phải là một số phần trăm như 10 hoặc 7,5")]
    [TestCase("spread=m%E1%BB%99t", "spread", "phải là một số phần trăm")]
    [TestCase("samples=0", "samples", "phải là số nguyên từ 1 đến 2.000")]
    [TestCase("samples=2001", "samples", "phải là số nguyên từ 1 đến 2.000, không phải «2001»")]
    [TestCase("samples=1.5", "samples", "phải là số nguyên từ 1 đến 2.000")]
    [TestCase("samples=99999999999", "samples", "phải là số nguyên từ 1 đến 2.000")]
    [TestCase("seed=-1", "seed", "phải là số nguyên từ 0 đến 18446744073709551615")]
    [TestCase("seed=18446744073709551616", "seed", "phải là số nguyên từ 0 đến 18446744073709551615")]
    public async Task A_bad_parameter_is_a_400_naming_it_in_Vietnamese(string query, string parameter, string message)
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        foreach (var url in new[]
        {
            $"/api/runs/{cluster2Run}/sensitivity?{query}",
            $"/api/rule-sets/{TestData.RuleSetId}/1.0.0/sensitivity?tenant=son-la&year=2025&{query}",
            $"/api/rule-sets/{TestData.RuleSetId}/drafts/{draftVersion}/sensitivity?year=2025&{query}",
        })
        {
            var answer = await maintainer.GetAsync(url);
            var body = await answer.Content.ReadAsStringAsync();

            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), url);
            Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            using var problem = JsonDocument.Parse(body);
            Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain(message).And.Contain($"({parameter})"), url);
            Assert.That(problem.RootElement.GetProperty("parameter").GetString(), Is.EqualTo(parameter));
        }
    }

    [Test]
    public void A_request_costs_at_most_the_stated_unit_scorings()
    {
        var most = SensitivityParameters.Default with { Samples = SensitivityParameters.MaxSamples };

        Assert.That(most.TooMuchWorkFor(250), Is.Null, "2,000 samples of 250 units fit");
        Assert.That(most.TooMuchWorkFor(251), Is.EqualTo("251 đơn vị × 2.000 lần lấy mẫu vượt giới hạn 500.000 lần chấm của một yêu cầu; hãy chọn tối đa 1.992 lần lấy mẫu."));
        Assert.That(SensitivityParameters.Parse(" 7,5 ", "1.000", "42").Parameters, Is.EqualTo(new SensitivityParameters(7.5m, 1000, 42)));
        Assert.That(SensitivityParameters.Parse(null, null, null).Parameters, Is.EqualTo(SensitivityParameters.Default));
    }
}
