using System.Net;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Sensitivity;

/// <summary>
/// `GET /api/rule-sets/{id}/{version}/sensitivity` on the seeded Sơn La data: the analysis of a published version and a
/// year, the same bytes for the same seed, for the tenant's maintainers and administrators only; bad parameters are 400.
/// </summary>
public sealed class SensitivityApiTests
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
    public async Task A_published_version_and_a_year_give_the_seeded_analysis_to_its_tenant_only()
    {
        using var host = new ScoringHostFactory(dataDirectory: data, settings: new Dictionary<string, string?>
        {
            ["Seed:Enabled"] = "true",
            ["Seed:PublishSampleResults"] = "false",
            ["Seed:CatalogDirectory"] = Path.Combine(TestData.RepositoryRoot, "rules-catalog"),
            ["Seed:SamplesDirectory"] = samples,
        });
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, "son-la");
        var url = $"/api/rule-sets/{TestData.RuleSetId}/1.0.0/sensitivity?tenant=son-la&year=2025&samples=50&seed=3";

        var first = await maintainer.GetAsync(url);
        var again = await maintainer.GetStringAsync(url);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        var body = await first.Content.ReadAsStringAsync();
        Assert.That(again, Is.EqualTo(body), "the same seed gives the same bytes");
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("samples").GetInt32(), Is.EqualTo(50));
        var set = json.RootElement.GetProperty("ruleSets")[0];
        Assert.That(set.GetProperty("id").GetString(), Is.EqualTo(TestData.RuleSetId));
        Assert.That(set.GetProperty("groups").GetArrayLength(), Is.Positive);

        using var other = host.ClientFor(Roles.RuleMaintainer, "gia-lai");
        Assert.That((await other.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var unit = host.ClientFor(Roles.Unit, "son-la", "SL-X001");
        Assert.That((await unit.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await maintainer.GetAsync($"/api/rule-sets/{TestData.RuleSetId}/1.0.0/sensitivity?tenant=son-la")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await maintainer.GetAsync(url + "&spread=0")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await maintainer.GetAsync($"/api/rule-sets/{TestData.RuleSetId}/9.9.9/sensitivity?tenant=son-la&year=2025")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
