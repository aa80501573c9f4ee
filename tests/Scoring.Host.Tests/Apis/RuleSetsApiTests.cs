using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Apis.Contracts;
using Scoring.Host.Auth;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class RuleSetsApiTests(Backend backend)
{
    private ScoringHostFactory host = null!;
    private HttpClient maintainer = null!;

    [SetUp]
    public void StartHost()
    {
        host = ApiHost.Start(backend);
        maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
    }

    [TearDown]
    public void StopHost()
    {
        maintainer.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task Validate_InvalidRuleSet_ReturnsEveryErrorWithPath()
    {
        var json = """{ "format": 1, "id": "son-la.thu", "version": "1.0", "tenant": "son-la" }""";

        var report = await (await maintainer.PostAsync("/api/rule-sets/validate", Json(json))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(report.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That(report.GetProperty("id").GetString(), Is.EqualTo("son-la.thu"));
        var diagnostics = report.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.That(diagnostics, Has.Count.GreaterThan(2), "every error, not just the first");
        Assert.That(diagnostics.Select(d => d.GetProperty("jsonPath").GetString()), Has.Member("$.version").And.All.StartsWith("$"));
    }

    [Test]
    public async Task Validate_CatalogRuleSet_IsValidWithItsHash()
    {
        var report = await (await maintainer.PostAsync("/api/rule-sets/validate", Json(TestData.RuleSetJson()))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(report.GetProperty("valid").GetBoolean(), Is.True, report.ToString());
        Assert.That(report.GetProperty("sha256").GetString(), Has.Length.EqualTo(64));
    }

    [Test]
    public async Task Validate_BrokenJson_NamesLineAndColumn()
    {
        var report = await (await maintainer.PostAsync("/api/rule-sets/validate", Json("{\n  \"format\": 1,\n  \"id\": \n}"))).Content.ReadFromJsonAsync<JsonElement>();

        var diagnostic = report.GetProperty("diagnostics").EnumerateArray().Single();
        Assert.That(diagnostic.GetProperty("line").GetInt32(), Is.EqualTo(4));
        Assert.That(diagnostic.GetProperty("code").GetString(), Is.EqualTo("RS0001"));
    }

    [Test]
    public async Task Publish_ThenSameContent_IsIdempotent_AndChangedContentUnderSameVersionIsRefused()
    {
        var first = await maintainer.PostAsync("/api/rule-sets", Json(TestData.RuleSetJson()));
        var again = await maintainer.PostAsync("/api/rule-sets", Json(TestData.RuleSetJson()));
        var changed = await maintainer.PostAsync("/api/rule-sets", Json(TestData.RuleSetJson(title: "Tiêu đề đã sửa")));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var published = await first.Content.ReadFromJsonAsync<RuleSetVersionDto>();
        Assert.That((await again.Content.ReadFromJsonAsync<RuleSetVersionDto>())!.Sha256, Is.EqualTo(published!.Sha256));
        var stored = await host.WithDbAsync(db => db.RuleSetVersions.SingleAsync());
        Assert.That(stored.Json, Is.EqualTo(TestData.RuleSetJson()), "the published version never changes");
    }

    [Test]
    public async Task Publish_NewVersion_ListsBothAndGetReturnsTheStoredJsonWithItsHash()
    {
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", Json(TestData.RuleSetJson("1.0.0"))));
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", Json(TestData.RuleSetJson("1.1.0", "Bản 1.1.0"))));

        var list = await host.CreateClient().GetFromJsonAsync<List<RuleSetVersionDto>>("/api/rule-sets");
        var get = await host.CreateClient().GetAsync("/api/rule-sets/son-la.dmst-cds.ubnd-xa-phuong/1.1.0");

        Assert.That(list!.Select(v => v.Version), Is.EqualTo(new[] { "1.0.0", "1.1.0" }));
        Assert.That(list![0].Sha256, Is.Not.EqualTo(list[1].Sha256));
        Assert.That(get.Headers.GetValues("X-RuleSet-Sha256").Single(), Is.EqualTo(list[1].Sha256));
        Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo(TestData.RuleSetJson("1.1.0", "Bản 1.1.0")));
    }

    [Test]
    public async Task Hash_IgnoresFormattingAndKeyOrder()
    {
        var compact = JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonElement>(TestData.RuleSetJson()));
        var a = await (await maintainer.PostAsync("/api/rule-sets/validate", Json(TestData.RuleSetJson()))).Content.ReadFromJsonAsync<ValidationReportShape>();
        var b = await (await maintainer.PostAsync("/api/rule-sets/validate", Json(compact))).Content.ReadFromJsonAsync<ValidationReportShape>();

        Assert.That(a!.Sha256, Is.EqualTo(b!.Sha256));
        Assert.That(a.Sha256, Has.Length.EqualTo(64));
    }

    [Test]
    public async Task Publish_Invalid_Returns422WithAllDiagnostics()
    {
        var response = await maintainer.PostAsync("/api/rule-sets", Json("""{ "format": 2 }"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("diagnostics").GetArrayLength(), Is.GreaterThanOrEqualTo(5));
        Assert.That(await host.WithDbAsync(db => db.RuleSetVersions.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Diff_OfTheCatalogsTwoVersions_ListsChangedCriteria()
    {
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", Json(File.ReadAllText(TestData.CatalogFile("ubnd-xa-phuong.rules.json")))));
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", Json(File.ReadAllText(TestData.CatalogFile("ubnd-xa-phuong.v1.1.0.rules.json")))));

        var diff = await maintainer.GetFromJsonAsync<JsonElement>("/api/rule-sets/son-la.dmst-cds.ubnd-xa-phuong/diff?from=1.0.0&to=1.1.0");

        Assert.That(diff.GetProperty("fromSha256").GetString(), Is.Not.EqualTo(diff.GetProperty("toSha256").GetString()));
        Assert.That(diff.GetProperty("criteria").GetArrayLength(), Is.Positive);
        Assert.That(diff.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("change").GetString()), Has.All.AnyOf("added", "removed", "changed"));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private sealed record ValidationReportShape(bool Valid, string? Sha256);
}
