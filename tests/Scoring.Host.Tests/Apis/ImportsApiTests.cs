using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Imports;

namespace Scoring.Host.Tests.Apis;

/// <summary>Authoritative figures (DTI, 766, digital literacy): all-or-nothing, with provenance, and the latest batch wins.</summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class ImportsApiTests(Backend backend)
{
    private const string Imports = "/api/tenants/son-la/imports";
    private ScoringHostFactory host = null!;
    private HttpClient maintainer = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(backend);
        await TestData.SeedAsync(host);
        maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
    }

    [TearDown]
    public void StopHost()
    {
        maintainer.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task BadRowAfterGoodRows_WritesNothing_AndNamesRowAndColumn()
    {
        const string csv = "unit,dti,dtiGovernment\nxa-a,0.61,0.7\nxa-b,0.55,0.6\nxa-c,0.5,không rõ\nxa-d,0.4,0.3\n";

        var response = await maintainer.PostAsync(Imports + "/dti/2025", TestData.Csv(csv, "dti.csv"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()), Is.EqualTo((4, "dtiGovernment")));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("không rõ"));
        Assert.That(await host.WithDbAsync(db => db.AuthoritativeValues.CountAsync()), Is.Zero);
        Assert.That(await host.WithDbAsync(db => db.ImportBatches.CountAsync()), Is.Zero);
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Entity == "import")), Is.Zero);
    }

    [Test]
    public async Task Xlsx_WithNumericAndSharedStringCells_IsImported()
    {
        var xlsx = ExcelWorkbook.Write(
        [
            ["unit", "pas766", "onlinePaymentRate"],
            ["xa-a", 87.5m, 0.083],
            ["xa-b", 91m, null],
        ]);

        var response = await maintainer.PostAsync(Imports + "/766/2025",
            TestData.Upload(xlsx, "cong-dich-vu-cong-766.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var batch = (await response.Content.ReadFromJsonAsync<ImportBatchDto>())!;
        Assert.That((batch.Source, batch.Rows, batch.Sha256), Is.EqualTo(("Pas766", 2, ContentHash.Of(xlsx))));
        Assert.That(await Values(), Is.EqualTo(new[] { "xa-a onlinePaymentRate 0.083", "xa-a pas766 87.5", "xa-b pas766 91" }));
    }

    [Test]
    public async Task DigitalLiteracy_IsImported_AndAnotherSourcesColumnIsRefused()
    {
        var refused = await maintainer.PostAsync(Imports + "/digital-literacy/2025", TestData.Csv("unit,residentsTrained,dti\nxa-a,1200,0.6\n", "bdhs.csv"));
        var accepted = await maintainer.PostAsync(Imports + "/digital-literacy/2025",
            TestData.Csv("unit,residentsTrained,vneidCertificates\nxa-a,1200,340\nxa-c,800,\n", "binh-dan-hoc-so.csv"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("column").GetString(), Is.EqualTo("dti"));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await Values(), Is.EqualTo(new[] { "xa-a residentsTrained 1200", "xa-a vneidCertificates 340", "xa-c residentsTrained 800" }));
    }

    [Test]
    public async Task LaterBatchWins_OverEarlierBatchAndSelfReportedValues()
    {
        using var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        const string submission = "/api/tenants/son-la/submissions/2025/xa-a";
        await TestData.Ensure(await unit.PutAsJsonAsync(submission, new SubmissionValues(new() { ["dti"] = "0.3", ["staffTrained"] = "12" })));
        await TestData.Ensure(await unit.PostAsync(submission + "/submit", null));
        await TestData.Ensure(await maintainer.PostAsync(Imports + "/dti/2025", TestData.Csv("unit,dti,dtiEconomy\nxa-a,0.61,0.5\n", "dti-dot-1.csv")));
        await TestData.Ensure(await maintainer.PostAsync(Imports + "/dti/2025", TestData.Csv("unit,dti\nxa-a,0.64\n", "dti-dot-2.csv")));

        var inputs = await host.WithDbAsync(db => RunInputsBuilder.BuildAsync(db, TestData.Tenant, 2025, [], CancellationToken.None));

        var values = inputs.Units.Single(u => u.Code == "xa-a").Values;
        Assert.That(values["dti"], Is.EqualTo("0.64"), "the second batch corrects the first");
        Assert.That(values["dtiEconomy"], Is.EqualTo("0.5"), "what the second batch does not carry stays from the first");
        Assert.That(values["staffTrained"], Is.EqualTo("12"), "self-reported values the authorities do not publish stay");
    }

    [Test]
    public async Task Provenance_FileHashUserAndTime_IsStoredAndListed()
    {
        var content = Encoding.UTF8.GetBytes("unit,dti\nxa-a,0.61\nxa-b,0.55\n");
        host.Clock.Now = Instant.FromUtc(2026, 2, 3, 4, 5, 6);

        await TestData.Ensure(await maintainer.PostAsync(Imports + "/dti/2025", TestData.Upload(content, "DTI 2025 (công bố).csv", "text/csv")));

        var batch = (await maintainer.GetFromJsonAsync<List<ImportBatchDto>>(Imports))!.Single();
        Assert.That(batch with { Id = 0 }, Is.EqualTo(new ImportBatchDto(0, "Dti", 2025, "DTI 2025 (công bố).csv", ContentHash.Of(content), 2,
            InstantPattern.ExtendedIso.Format(host.Clock.Now), $"{Roles.RuleMaintainer}-{TestData.Tenant}")));
        var audit = await host.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.Entity == "import"));
        Assert.That((audit.Action, audit.EntityKey), Is.EqualTo(("import.dti", $"son-la/2025/{batch.Id}")));
    }

    private Task<List<string>> Values() => host.WithDbAsync(async db => (await db.AuthoritativeValues.ToListAsync())
        .Select(v => $"{v.UnitCode} {v.Indicator} {v.Value}").Order(StringComparer.Ordinal).ToList());
}
