using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Pages;

/// <summary>
/// A fresh start with the samples scores and publishes their 2025 results through the normal run path (actor "seed",
/// audited), so the public pages show rankings at once; <c>Seed:PublishSampleResults=false</c> leaves them unscored.
/// </summary>
public sealed class SeededResultsTests
{
    private const string NothingPublished = "Chưa có kết quả nào được công bố";
    private string samples = null!;
    private string data = null!;

    [SetUp]
    public void PrepareFolders()
    {
        samples = Directory.CreateTempSubdirectory("scoring-samples-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(samples, "son-la"), Path.Combine(TestData.RepositoryRoot, "samples", "son-la"));
        data = Directory.CreateTempSubdirectory("scoring-data-").FullName;
    }

    [TearDown]
    public void RemoveFolders()
    {
        Directory.Delete(samples, true);
        Directory.Delete(data, true);
    }

    [Test]
    public async Task SeededStart_PublishesSample2025_LeaderboardAndPageListGroupsWithRanks()
    {
        using var host = Start(publish: true);
        var anonymous = host.CreateClient();

        var runs = await host.WithDbAsync(db => db.ScoringRuns.AsNoTracking().ToListAsync());
        Assert.That(runs, Is.Not.Empty);
        Assert.That(runs.Select(r => (r.TenantCode, r.Year, r.Status, r.CreatedBy, Published: r.PublishedAt is not null)),
            Is.All.EqualTo(("son-la", 2025, RunStatus.Completed, "seed", true)));
        var audited = await host.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "run.publish").Select(a => a.Actor).ToListAsync());
        Assert.That(audited, Has.Count.EqualTo(runs.Count).And.All.EqualTo("seed"));

        var board = await anonymous.GetFromJsonAsync<List<LeaderboardEntry>>("/api/tenants/son-la/results/2025/groups/SL-C01");
        Assert.That(board!, Is.Not.Empty);
        Assert.That(board!.Select(b => b.Rank), Is.Ordered);
        Assert.That(board![0].Rank, Is.EqualTo(1));

        Assert.That(await anonymous.GetStringAsync("/"), Does.Not.Contain(NothingPublished).And.Contain("/ket-qua/son-la/2025"));
        var html = await anonymous.GetStringAsync("/ket-qua/son-la/2025");
        Assert.That(html, Does.Not.Contain(NothingPublished));
        Assert.That(html, Does.Contain("<th scope=\"col\">Hạng</th>"));
        Assert.That(PageHtml.RankedUnits(html, "SL-C01"), Is.EqualTo(board!.Select(b => b.Unit).ToList()));
        var groups = await host.WithDbAsync(db => db.UnitResults.Select(u => u.GroupCode).Distinct().ToListAsync());
        Assert.That(groups, Has.Count.GreaterThan(1));
        Assert.That(groups.Where(g => PageHtml.RankedUnits(html, g).Count > 0), Is.EquivalentTo(groups), "every scored group is listed with its ranking");
    }

    [Test]
    public async Task PublishSampleResultsOff_ScoresNothing()
    {
        using var host = Start(publish: false);

        Assert.That(await host.WithDbAsync(db => db.ScoringRuns.CountAsync()), Is.Zero);
        Assert.That(await host.CreateClient().GetStringAsync("/"), Does.Contain(NothingPublished));
    }

    private ScoringHostFactory Start(bool publish)
    {
        var host = new ScoringHostFactory(dataDirectory: data, settings: new Dictionary<string, string?>
        {
            ["Seed:Enabled"] = "true",
            ["Seed:PublishSampleResults"] = publish ? "true" : "false",
            ["Seed:CatalogDirectory"] = Path.Combine(TestData.RepositoryRoot, "rules-catalog"),
            ["Seed:SamplesDirectory"] = samples,
        });
        _ = host.Server;
        return host;
    }
}
