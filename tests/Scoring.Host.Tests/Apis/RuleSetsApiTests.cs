using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Cli;
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
    public async Task Publish_IdOwnedByAnotherTenant_Is409NamingTheOwner_AndStoresNothing()
    {
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", Json(TestData.RuleSetJson())));
        using var other = host.ClientFor(Roles.RuleMaintainer, "lai-chau");

        var sameVersion = await other.PostAsync("/api/rule-sets", Json(ForTenant(TestData.RuleSetJson(), "lai-chau")));
        var newVersion = await other.PostAsync("/api/rule-sets", Json(ForTenant(TestData.RuleSetJson("2.0.0"), "lai-chau")));

        Assert.That(sameVersion.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(newVersion.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a new version number does not take the id over either");
        var detail = (await newVersion.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.That(detail, Does.Contain($"'{TestData.RuleSetId}'").And.Contain("'son-la'").And.Contain("'lai-chau'"));
        var stored = await host.WithDbAsync(db => db.RuleSetVersions.Select(r => new { r.Tenant, r.Version }).ToListAsync());
        Assert.That(stored.Select(r => (r.Tenant, r.Version)), Is.EqualTo(new[] { ("son-la", "1.0.0") }));
    }

    [Test]
    public async Task Publish_LosingARaceToAnIdenticalPublish_Answers200WithTheStoredVersion()
    {
        HttpClient? competitorClient = null;
        var competing = new CompetingWrite<RuleSetVersion>(async () =>
            Assert.That((await competitorClient!.PostAsync("/api/rule-sets", Json(TestData.RuleSetJson()))).StatusCode, Is.EqualTo(HttpStatusCode.Created)));
        var postgres = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        using var racing = new ScoringHostFactory(postgres, services: s => s.ConfigureDbContext<ScoringDbContext>(o => o.AddInterceptors(competing)));
        competitorClient = racing.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var client = racing.ClientFor(Roles.RuleMaintainer, TestData.Tenant);

        var response = await client.PostAsync("/api/rule-sets", Json(TestData.RuleSetJson()));

        Assert.That(competing.Fired, Is.True, "the competing publish ran between the check and the insert");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var answered = await response.Content.ReadFromJsonAsync<RuleSetVersionDto>();
        var stored = await racing.WithDbAsync(db => db.RuleSetVersions.SingleAsync());
        Assert.That((answered!.Id, answered.Version, answered.Sha256), Is.EqualTo((stored.RuleSetId, stored.Version, stored.Sha256)));
        Assert.That(await racing.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "ruleset.publish")), Is.EqualTo(1));
        competitorClient.Dispose();
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

    [Test]
    public async Task Diff_WithAYearsData_ReportsAwardChanges_EqualToTheCommandLine()
    {
        // Gia Lai's enterprises rule set, 1.0.0 → 1.0.1 built here: totals rounded to whole points and the certificate of
        // merit (giay-khen) limited to 2 per group instead of 3. On the 2025 sample this, by construction:
        // - GL-K05: GL-E03 (79,01) and GL-E04 (78,76) both round to 80, reach the certificate's minimum and tie at rank 3
        //   for its second place (GL-E01 holds the first): both are proposed, flagged tie-at-cut;
        // - GL-K06: GL-E23 (89,86 → 90) reaches the provincial flag's minimum of 90: certificate → flag;
        // - GL-K07: GL-E29, third in its group, loses its certificate to the new quota.
        const string id = "gia-lai.dmst-cds.doanh-nghiep";
        var catalog = Path.Combine(TestData.RepositoryRoot, "rules-catalog", "gia-lai", "dmst-cds-2025-2030", "doanh-nghiep.rules.json");
        var changed = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(catalog));
        changed["version"] = "1.0.1";
        changed["precision"] = 0;
        changed["awards"]!.Single(a => (string?)a["id"] == "giay-khen")["quota"]!["perGroup"] = 2;
        using var temp = new TempFolder();
        temp.Write("doanh-nghiep.v1.0.1.rules.json", changed.ToString());
        using var samples = new TempFolder();
        Directory.CreateSymbolicLink(Path.Combine(samples.Path, "gia-lai"), Path.Combine(TestData.RepositoryRoot, "samples", "gia-lai"));
        using var seeded = SeededHost(samples.Path);
        using var admin = seeded.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PostAsync("/api/rule-sets", Json(changed.ToString())));

        var response = await admin.GetAsync($"/api/rule-sets/{id}/diff?from=1.0.0&to=1.0.1&tenant=gia-lai&year=2025");
        await TestData.Ensure(response);
        var diff = (await response.Content.ReadFromJsonAsync<RuleSetDiffDto>())!;

        Assert.That(diff.Changes.Select(c => (c.Element, c.Field)), Is.SupersetOf(new[] { ("award", "quota.perGroup"), ("ruleset", "precision") }));
        var awards = diff.AwardImpact!.Select(a => (a.Unit, a.AwardFrom, a.TieAtCutFrom, a.AwardTo, a.TieAtCutTo)).ToList();
        Assert.That(awards, Is.EquivalentTo(new (string, string?, bool, string?, bool)[]
        {
            ("GL-E03", null, false, "giay-khen", true),
            ("GL-E04", null, false, "giay-khen", true),
            ("GL-E23", "giay-khen", false, "co-thi-dua-tinh", false),
            ("GL-E29", "giay-khen", false, null, false),
        }));
        Assert.That(diff.AwardImpact!.Single(a => a.Unit == "GL-E03").RankTo, Is.EqualTo(3));
        Assert.That(diff.RankImpact!.Select(r => r.Unit), Does.Contain("GL-E03").And.Contain("GL-E29"), "GL-E29 keeps its rank, its total moves");

        // The command line on the same inputs (the sample folder the service was seeded from) reports the same changes.
        var cli = CliRunner.Run("diff", catalog, temp.File("doanh-nghiep.v1.0.1.rules.json"),
            "--data", Path.Combine(TestData.RepositoryRoot, "samples", "gia-lai"), "--year", "2025");
        Assert.That(cli.Exit, Is.Zero, cli.ToString());
        var fromCli = CliAwardChanges(cli.Out);
        Assert.That(fromCli, Has.Count.EqualTo(4));
        Assert.That(diff.AwardImpact!.Select(a => (a.Group, a.Unit, a.AwardFrom, a.TieAtCutFrom, a.AwardTo, a.TieAtCutTo)), Is.EqualTo(fromCli));
    }

    [Test]
    public async Task Diff_WithoutTenantAndYear_HasNoImpact_UnknownTenantIs404_ForeignTenantIs403()
    {
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", Json(TestData.RuleSetJson("1.0.0"))));
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", Json(TestData.RuleSetJson("1.0.1", "Bản 1.0.1"))));

        var plain = await maintainer.GetFromJsonAsync<JsonElement>($"/api/rule-sets/{TestData.RuleSetId}/diff?from=1.0.0&to=1.0.1");
        using var admin = host.ClientFor(Roles.Administrator);
        var unknown = await admin.GetAsync($"/api/rule-sets/{TestData.RuleSetId}/diff?from=1.0.0&to=1.0.1&tenant=khong-co&year=2025");
        var foreign = await maintainer.GetAsync($"/api/rule-sets/{TestData.RuleSetId}/diff?from=1.0.0&to=1.0.1&tenant=khong-co&year=2025");

        Assert.That(plain.GetProperty("rankImpact").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(plain.GetProperty("awardImpact").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(plain.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()), Has.Member("title"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a maintainer of son-la sees no impact on another tenant's data");
    }

    /// <summary>The award changes of <c>scoring diff --data --year</c>: "  group unit name: …; khen thưởng A → B", ties marked.</summary>
    private static List<(string Group, string Unit, string? From, bool TieFrom, string? To, bool TieTo)> CliAwardChanges(string output)
    {
        const string award = @"(\S+)( \(đồng hạng tại ngưỡng[^)]*\))?";
        var line = new Regex($@"^\s+(\S+) (\S+) .*khen thưởng {award} → {award}$");
        return output.Split('\n').Select(l => line.Match(l.TrimEnd('\r'))).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, Award(m.Groups[3].Value), m.Groups[4].Success, Award(m.Groups[5].Value), m.Groups[6].Success))
            .ToList();
    }

    private static string? Award(string text) => text == "không" ? null : text;

    private ScoringHostFactory SeededHost(string samples)
    {
        var postgres = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        var seeded = new ScoringHostFactory(postgres, settings: new Dictionary<string, string?>
        {
            ["Seed:Enabled"] = "true",
            ["Seed:PublishSampleResults"] = "false",
            ["Seed:CatalogDirectory"] = Path.Combine(TestData.RepositoryRoot, "rules-catalog"),
            ["Seed:SamplesDirectory"] = samples,
        });
        _ = seeded.Server;
        return seeded;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private sealed record ValidationReportShape(bool Valid, string? Sha256);

    private static string ForTenant(string json, string tenant)
    {
        var root = Newtonsoft.Json.Linq.JObject.Parse(json);
        root["tenant"] = tenant;
        return root.ToString();
    }
}
