using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Auth;

/// <summary>
/// A secretariat acts on its own groups: it enqueues runs of them, reads their status and their award proposals before
/// publication, and never another group's. Tenant son-la: cum-1 = {xa-a, xa-b}, cum-2 = {xa-c, xa-d} in 2025; in 2026 only
/// cum-3. The sum calculator gives the top unit of every group an award, so each group has a proposal.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class SecretariatScopeTests(Backend backend)
{
    private ScoringHostFactory host = null!;
    private long allRun;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(backend);
        await TestData.SeedAsync(host);
        using var admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PutAsJsonAsync("/api/tenants/son-la/groups/2026/cum-3",
            new GroupDto("cum-3", "Cụm thi đua số 3", "cluster", 2026, [new GroupMemberDto("xa-a", "head"), new GroupMemberDto("xa-c", "member")])));
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var run = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));
        await TestData.Ensure(run);
        allRun = (await TestData.WaitForRunAsync(maintainer, (await run.Content.ReadFromJsonAsync<RunDto>())!.Id)).Id;
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public async Task Enqueue_WithoutGroups_ScoresOnlyTheSecretariatsGroups()
    {
        using var secretariat = Secretariat("cum-1");

        var response = await secretariat.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var run = await TestData.WaitForRunAsync(secretariat, (await response.Content.ReadFromJsonAsync<RunDto>())!.Id);
        Assert.That(run.Status, Is.EqualTo("completed"));
        Assert.That(run.Scope, Is.EqualTo("cum-1"));
        var units = await host.WithDbAsync(db => db.UnitResults.Where(r => r.RunId == run.Id).Select(r => r.GroupCode + "/" + r.UnitCode).ToListAsync());
        Assert.That(units.Order(), Is.EqualTo(new[] { "cum-1/xa-a", "cum-1/xa-b" }));
        var own = await secretariat.GetFromJsonAsync<List<JsonElement>>($"/api/runs/{run.Id}/awards");
        Assert.That(own!.Select(a => a.GetProperty("group").GetString()), Is.EqualTo(new[] { "cum-1" }));
    }

    [Test]
    public async Task Enqueue_NamingOwnGroup_IsThatGroupsRun()
    {
        using var secretariat = Secretariat("cum-1", "cum-2");

        var response = await secretariat.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, ["cum-2"]));

        await TestData.Ensure(response);
        Assert.That((await response.Content.ReadFromJsonAsync<RunDto>())!.Scope, Is.EqualTo("cum-2"));
    }

    [Test]
    public async Task Enqueue_NamingAGroupItDoesNotHold_Is403NamingThatGroup()
    {
        using var secretariat = Secretariat("cum-1");
        var before = await host.WithDbAsync(db => db.ScoringRuns.CountAsync());

        var response = await secretariat.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, ["cum-1", "cum-2"]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var detail = await Detail(response);
        Assert.That(detail, Does.Contain("'cum-2'").And.Contain("không phải thư ký").And.Contain("cum-1"));
        Assert.That(await host.WithDbAsync(db => db.ScoringRuns.CountAsync()), Is.EqualTo(before), "nothing was enqueued");
    }

    [Test]
    public async Task Enqueue_GroupsAreYearAware()
    {
        using var secretariat = Secretariat("cum-1");

        // cum-1 exists in 2025 only: in 2026 the secretariat holds no group, whether it names cum-1 or none.
        var named = await secretariat.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2026, TestData.RuleSetId, null, ["cum-1"]));
        var unnamed = await secretariat.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2026, TestData.RuleSetId, null, null));

        Assert.That(named.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Detail(named), Does.Contain("Không có cụm/khối 'cum-1' năm 2026"));
        Assert.That(unnamed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Detail(unnamed), Does.Contain("Năm 2026 không có cụm/khối nào của bạn (cum-1)"));
    }

    [Test]
    public async Task Enqueue_AnotherTenantsSecretariat_Is403()
    {
        using var other = host.ClientFor(Roles.Secretariat, "lai-chau", null, "cum-1");

        var response = await other.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await Detail(response), Does.Contain("không thuộc 'son-la'"));
    }

    [Test]
    public async Task Enqueue_WithAnotherTenantsRuleSet_Is400()
    {
        using var admin = host.ClientFor(Roles.Administrator);
        var json = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "rules-catalog", "lai-chau", "dmst-cds-2025-2030", "xa-phuong.rules.json"));
        await TestData.Ensure(await admin.PostAsync("/api/rule-sets", new StringContent(json, System.Text.Encoding.UTF8, "application/json")));
        using var secretariat = Secretariat("cum-1");

        var response = await secretariat.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, "lai-chau.dmst-cds.xa-phuong", null, null));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Detail(response), Does.Contain("thuộc 'lai-chau', không dùng để chấm 'son-la'"));
    }

    [Test]
    public async Task UnpublishedAwards_AreFilteredToTheSecretariatsGroups()
    {
        using var cum1 = Secretariat("cum-1");
        using var cum2 = Secretariat("cum-2");
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);

        var all = await maintainer.GetFromJsonAsync<List<JsonElement>>($"/api/runs/{allRun}/awards");
        var first = await cum1.GetFromJsonAsync<List<JsonElement>>($"/api/runs/{allRun}/awards");
        var second = await cum2.GetFromJsonAsync<List<JsonElement>>($"/api/runs/{allRun}/awards");

        Assert.That(all!.Select(a => a.GetProperty("group").GetString()).Order(), Is.EqualTo(new[] { "cum-1", "cum-2" }));
        Assert.That(first!.Select(a => a.GetProperty("unit").GetString()), Is.EqualTo(new[] { "xa-a" }));
        Assert.That(second!.Select(a => a.GetProperty("unit").GetString()), Is.EqualTo(new[] { "xa-c" }));
    }

    [Test]
    public async Task UnpublishedAwards_OfARunWithoutTheSecretariatsGroups_Is403()
    {
        using var cum3 = Secretariat("cum-3");

        var response = await cum3.GetAsync($"/api/runs/{allRun}/awards");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await Detail(response), Does.Contain("không có cụm/khối nào của bạn (cum-3)"));
    }

    [Test]
    public async Task RunsList_ShowsASecretariatOnlyTheRunsOfItsGroups()
    {
        using var cum1 = Secretariat("cum-1");
        using var cum2 = Secretariat("cum-2");
        var own = await cum1.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, ["cum-1"]));
        await TestData.Ensure(own);
        var ownId = (await own.Content.ReadFromJsonAsync<RunDto>())!.Id;

        var seenBy1 = (await cum1.GetFromJsonAsync<List<RunDto>>("/api/tenants/son-la/runs"))!.Select(r => r.Id).ToList();
        var seenBy2 = (await cum2.GetFromJsonAsync<List<RunDto>>("/api/tenants/son-la/runs"))!.Select(r => r.Id).ToList();
        var status = await cum2.GetAsync($"/api/runs/{ownId}");

        Assert.That(seenBy1, Has.Member(allRun).And.Member(ownId));
        Assert.That(seenBy2, Has.Member(allRun).And.No.Member(ownId));
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Secretariat_StillCannotPublish()
    {
        using var cum1 = Secretariat("cum-1", "cum-2");

        var response = await cum1.PostAsync($"/api/runs/{allRun}/publish", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await host.WithDbAsync(db => db.ScoringRuns.Where(r => r.Id == allRun).Select(r => r.PublishedAt).FirstAsync()), Is.Null);
    }

    private HttpClient Secretariat(params string[] groups) => host.ClientFor(Roles.Secretariat, TestData.Tenant, null, groups);

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
}
