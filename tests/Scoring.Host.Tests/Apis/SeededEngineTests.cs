using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

/// <summary>
/// The embedded default end to end: first start seeds the catalog and the Sơn La sample, then a run scores with the real
/// engine through the shared pipeline, is published and exported. A restart on the same data folder seeds nothing twice.
/// </summary>
public sealed class SeededEngineTests
{
    private string samples = null!;
    private string data = null!;

    [OneTimeSetUp]
    public void PrepareFolders()
    {
        samples = Directory.CreateTempSubdirectory("scoring-samples-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(samples, "son-la"), Path.Combine(TestData.RepositoryRoot, "samples", "son-la"));
        data = Directory.CreateTempSubdirectory("scoring-data-").FullName;
    }

    [OneTimeTearDown]
    public void RemoveFolders()
    {
        Directory.Delete(samples, true);
        Directory.Delete(data, true);
    }

    [Test]
    public async Task FirstStart_Seeds_RealRunCompletes_PublishesAndExports_RestartSeedsNothingTwice()
    {
        long runId;
        int units;
        using (var host = Start())
        {
            using var admin = host.ClientFor(Roles.Administrator);
            var tenants = await admin.GetFromJsonAsync<List<TenantDto>>("/api/tenants");
            Assert.That(tenants!.Single().Code, Is.EqualTo("son-la"));
            Assert.That(tenants!.Single().Movements.Single().ReportDeadline, Is.EqualTo("11-10"));
            units = (await admin.GetFromJsonAsync<List<UnitDto>>("/api/tenants/son-la/units"))!.Count;
            Assert.That(units, Is.GreaterThan(100));

            var enqueue = await admin.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));
            await TestData.Ensure(enqueue);
            var run = await TestData.WaitForRunAsync(admin, (await enqueue.Content.ReadFromJsonAsync<RunDto>())!.Id);
            runId = run.Id;
            Assert.That(run.Status, Is.EqualTo("completed"), run.Error);
            Assert.That(run.RuleSetVersion, Is.EqualTo("1.0.0"), "1.1.0 applies from 2026");

            var board = await admin.GetFromJsonAsync<List<LeaderboardEntry>>($"/api/runs/{runId}/groups/SL-C01");
            Assert.That(board!, Is.Not.Empty);
            Assert.That(board!.Select(b => b.Total), Is.Ordered.Descending);
            Assert.That(board![0].Rank, Is.EqualTo(1));
            var card = await admin.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}/units/{board[0].Unit}");
            Assert.That(card.GetProperty("sections").GetArrayLength(), Is.Positive);

            // A new version that rounds totals to whole points: the diff names the change and its rank impact on 2025.
            var rounded = Newtonsoft.Json.Linq.JObject.Parse(TestData.RuleSetJson("1.0.1"));
            rounded["precision"] = 0;
            await TestData.Ensure(await admin.PostAsync("/api/rule-sets", new StringContent(rounded.ToString(), System.Text.Encoding.UTF8, "application/json")));
            var diff = await admin.GetFromJsonAsync<JsonElement>($"/api/rule-sets/{TestData.RuleSetId}/diff?from=1.0.0&to=1.0.1&tenant=son-la&year=2025");
            Assert.That(diff.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()), Has.Member("precision"));
            var impact = diff.GetProperty("rankImpact").EnumerateArray().ToList();
            Assert.That(impact, Is.Not.Empty);
            Assert.That(impact.All(i => Math.Round(i.GetProperty("totalTo").GetDecimal()) == i.GetProperty("totalTo").GetDecimal()), Is.True);

            await TestData.Ensure(await admin.PostAsync($"/api/runs/{runId}/publish", null));
            var export = await host.CreateClient().GetAsync($"/api/runs/{runId}/export.xlsx");
            Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), false);
            var sheetNames = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.That(sheetNames, Has.Member("Đề nghị khen thưởng").And.Member("Thông tin"));
        }

        using (var again = Start())
        {
            using var admin = again.ClientFor(Roles.Administrator);
            Assert.That((await admin.GetFromJsonAsync<List<UnitDto>>("/api/tenants/son-la/units"))!, Has.Count.EqualTo(units));
            var published = await again.CreateClient().GetAsync($"/api/runs/{runId}/awards");
            Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await again.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "tenant.seed")), Is.EqualTo(1));
        }
    }

    private ScoringHostFactory Start()
    {
        var host = new ScoringHostFactory(dataDirectory: data, settings: new Dictionary<string, string?>
        {
            ["Seed:Enabled"] = "true",
            ["Seed:PublishSampleResults"] = "false",
            ["Seed:CatalogDirectory"] = Path.Combine(TestData.RepositoryRoot, "rules-catalog"),
            ["Seed:SamplesDirectory"] = samples,
        });
        _ = host.Server;
        return host;
    }
}
