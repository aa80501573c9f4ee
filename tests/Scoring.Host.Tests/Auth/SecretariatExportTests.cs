using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Auth;

/// <summary>
/// With the real engine (so the workbook re-scores and verifies the stored result): a cluster secretariat downloads an
/// unpublished run's workbook holding only its own cluster, and sees the rank impact of a new rule-set version only for
/// its own units. Tenant son-la: cum-1 = {xa-a, xa-b}, cum-2 = {xa-c, xa-d}.
/// </summary>
public sealed class SecretariatExportTests
{
    private ScoringHostFactory host = null!;
    private long runId;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory();
        await TestData.SeedAsync(host);
        // Two strong communes of the Sơn La sample, so that both clusters propose awards and rounding moves totals.
        var values = new Dictionary<string, Dictionary<string, string>>
        {
            ["xa-a"] = SampleValues("SL-L011"),
            ["xa-b"] = SampleValues("SL-L009"),
            ["xa-c"] = SampleValues("SL-L009"),
        };
        foreach (var (unit, submitted) in values)
        {
            using var client = host.ClientFor(Roles.Unit, TestData.Tenant, unit);
            await TestData.Ensure(await client.PutAsJsonAsync($"/api/tenants/son-la/submissions/2025/{unit}", new SubmissionValues(submitted)));
            await TestData.Ensure(await client.PostAsync($"/api/tenants/son-la/submissions/2025/{unit}/submit", null));
        }

        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var rounded = Newtonsoft.Json.Linq.JObject.Parse(TestData.RuleSetJson("1.0.1"));
        rounded["precision"] = 0;
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", new StringContent(rounded.ToString(), Encoding.UTF8, "application/json")));
        var run = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, "1.0.0", null));
        await TestData.Ensure(run);
        var done = await TestData.WaitForRunAsync(maintainer, (await run.Content.ReadFromJsonAsync<RunDto>())!.Id);
        Assert.That(done.Status, Is.EqualTo("completed"), done.Error);
        runId = done.Id;
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public async Task Export_ForAClusterSecretariat_HoldsOnlyItsCluster()
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var secretariat = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1");

        var full = await Workbook(await maintainer.GetAsync($"/api/runs/{runId}/export.xlsx"));
        var response = await secretariat.GetAsync($"/api/runs/{runId}/export.xlsx");
        var own = await Workbook(response);

        Assert.That(full.Keys, Has.Member("Cụm cum-1").And.Member("Cụm cum-2"));
        Assert.That(own.Keys, Is.EqualTo(new[] { "Cụm cum-1", "Đề nghị khen thưởng", "Thông tin" }));
        Assert.That(Column(own["Cụm cum-1"], "C").Skip(2), Is.EquivalentTo(new[] { "xa-a", "xa-b" }));
        Assert.That(own["Cụm cum-1"], Is.EqualTo(full["Cụm cum-1"]), "the cluster's sheet is the full workbook's, unchanged");
        var fullAwardGroups = Column(full["Đề nghị khen thưởng"], "C").Skip(1).ToList();
        Assert.That(fullAwardGroups, Has.Member("cum-1").And.Member("cum-2"), "the full workbook proposes awards in both clusters");
        Assert.That(Column(own["Đề nghị khen thưởng"], "C").Skip(1), Is.EqualTo(fullAwardGroups.Where(g => g == "cum-1")));
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName,
            Does.EndWith($"luot-{runId}-cum-1.xlsx"));
    }

    [Test]
    public async Task Export_ForASecretariatOfAGroupOutsideTheRun_Is403()
    {
        using var secretariat = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-9");

        var response = await secretariat.GetAsync($"/api/runs/{runId}/export.xlsx");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.That(detail, Does.Contain("chưa công bố").And.Contain("cum-9"));
    }

    [Test]
    public async Task RankImpact_ShowsASecretariatOnlyItsGroups_AndNoOtherTenantsSecretariat()
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var secretariat = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-2");
        using var foreign = host.ClientFor(Roles.Secretariat, "lai-chau", null, "cum-2");
        using var foreignMaintainer = host.ClientFor(Roles.RuleMaintainer, "lai-chau");
        const string path = "/api/rule-sets/" + TestData.RuleSetId + "/diff?from=1.0.0&to=1.0.1&tenant=son-la&year=2025";

        var all = await Impact(await maintainer.GetAsync(path));
        var own = await Impact(await secretariat.GetAsync(path));
        var other = await foreign.GetAsync(path);
        var otherMaintainer = await foreignMaintainer.GetAsync(path);

        Assert.That(all.Select(i => i.Group).Distinct().Order(), Is.EqualTo(new[] { "cum-1", "cum-2" }), "rounding moves totals in both clusters");
        Assert.That(own, Is.EqualTo(all.Where(i => i.Group == "cum-2")));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(otherMaintainer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    // The sample's values that the seeded rule set declares: the samples also carry the indicators of later catalog
    // versions, which the API refuses for a year whose rule set does not read them.
    private static Dictionary<string, string> SampleValues(string sampleUnit)
    {
        var declared = Newtonsoft.Json.Linq.JObject.Parse(TestData.RuleSetJson())["indicators"]!.Select(i => (string)i["id"]!).ToHashSet(StringComparer.Ordinal);
        return File.ReadLines(Path.Combine(TestData.RepositoryRoot, "samples", "son-la", "submissions-2025.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells[0] == sampleUnit && declared.Contains(cells[1]))
            .ToDictionary(cells => cells[1], cells => cells[2]);
    }

    private static async Task<List<(string Group, string Unit)>> Impact(HttpResponseMessage response)
    {
        await TestData.Ensure(response);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return json.GetProperty("rankImpact").EnumerateArray()
            .Select(i => (i.GetProperty("group").GetString()!, i.GetProperty("unit").GetString()!)).ToList();
    }

    /// <summary>Sheet name → rows of (column letter → cell text), inline strings and numbers as written.</summary>
    private static async Task<Dictionary<string, List<Dictionary<string, string>>>> Workbook(HttpResponseMessage response)
    {
        await TestData.Ensure(response);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var part = document.WorkbookPart!;
        var sheets = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!.Value!)).Worksheet;
            sheets[sheet.Name!.Value!] = worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()),
                    c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "")).ToList();
        }

        return sheets;
    }

    private static IEnumerable<string> Column(List<Dictionary<string, string>> rows, string column) => rows.Select(r => r.GetValueOrDefault(column, ""));
}
