using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;
using Scoring.Rules.Loading;

namespace Scoring.Host.Tests.Runs;

/// <summary>
/// Service runs use the same history as the command line: history.csv is seeded, frozen into the run's inputs and mapped
/// onto successors by the shared pipeline, so award prerequisites on earlier years give the same award list. Gia Lai's
/// "Cờ thi đua của UBND tỉnh" needs the top grade in the previous year.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class HistoryRunTests(Backend backend)
{
    private const string Tenant = "gia-lai";
    private const string Flag = "co-thi-dua-tinh";
    private string samples = null!;
    private string data = null!;

    [SetUp]
    public void PrepareFolders()
    {
        samples = Directory.CreateTempSubdirectory("scoring-samples-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(samples, Tenant), Path.Combine(TestData.RepositoryRoot, "samples", Tenant));
        data = Directory.CreateTempSubdirectory("scoring-data-").FullName;
    }

    [TearDown]
    public void RemoveFolders()
    {
        Directory.Delete(samples, true);
        Directory.Delete(data, true);
    }

    [Test]
    public async Task ServiceAwards_EqualCommandLineAwards_AndTheFlagNeedsTopGradeInHistory()
    {
        var (ruleSets, expected) = CommandLineAwards(2025);
        Assert.That(expected.Select(a => a.Award), Has.Member(Flag), "the sample must exercise a history prerequisite");

        using var host = Start();
        using var admin = host.ClientFor(Roles.Administrator);
        Assert.That(await host.WithDbAsync(db => db.UnitHistory.CountAsync(h => h.TenantCode == Tenant && h.Source == UnitHistory.Imported)),
            Is.EqualTo(File.ReadAllLines(Path.Combine(samples, Tenant, "history.csv")).Count(l => l.Trim().Length > 0) - 1));

        var (runs, awards) = await ServiceAwardsAsync(admin, 2025, ruleSets);
        Assert.That(awards, Is.EqualTo(expected));
        var inputs = await host.WithDbAsync(db => db.ScoringRuns.Where(r => r.Id == runs[0]).Select(r => r.InputsJson).SingleAsync());
        Assert.That(JsonDocument.Parse(inputs).RootElement.GetProperty("history").GetArrayLength(), Is.Positive, "history is part of the frozen inputs");

        // Without a top grade in 2024 no unit qualifies for the flag any more: the inputs change, so these are new runs.
        await host.WithDbAsync(db => db.UnitHistory.Where(h => h.TenantCode == Tenant && h.Year == 2024 && h.Grade == "xuat-sac")
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Grade, "tot")));
        var (rerun, withoutTopGrade) = await ServiceAwardsAsync(admin, 2025, ruleSets);
        Assert.That(rerun, Is.Not.EquivalentTo(runs));
        Assert.That(withoutTopGrade.Select(a => a.Award), Has.No.Member(Flag));
        Assert.That(withoutTopGrade.Where(a => a.Award != Flag), Is.Not.Empty, "awards without history prerequisites stay");
    }

    [Test]
    public async Task PublishedRunOfEarlierYear_IsHistoryOfTheNextYear_AsTheCommandLineComputesIt()
    {
        var (ruleSets2025, _) = CommandLineAwards(2025);
        var (ruleSets2026, expected) = CommandLineAwards(2026);
        Assert.That(expected.Select(a => a.Award), Has.Member(Flag));

        using var host = Start();
        using var admin = host.ClientFor(Roles.Administrator);
        // The command line scores 2025 first; the service takes 2025 from its published runs.
        var (runs2025, _) = await ServiceAwardsAsync(admin, 2025, ruleSets2025);
        foreach (var id in runs2025)
        {
            await TestData.Ensure(await admin.PostAsync($"/api/runs/{id}/publish", null));
        }

        var (runs2026, awards) = await ServiceAwardsAsync(admin, 2026, ruleSets2026);
        Assert.That(awards, Is.EqualTo(expected), $"only the service: {string.Join(" ", awards.Except(expected))}; only the command line: {string.Join(" ", expected.Except(awards))}");
        var inputs = await host.WithDbAsync(db => db.ScoringRuns.Where(r => r.Id == runs2026[0]).Select(r => r.InputsJson).SingleAsync());
        var sources = JsonDocument.Parse(inputs).RootElement.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("source").GetString()).ToList();
        Assert.That(sources, Has.Some.StartsWith("run:").And.Some.EqualTo(UnitHistory.Imported));
    }

    private ScoringHostFactory Start()
    {
        var postgres = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        var host = new ScoringHostFactory(postgres, dataDirectory: data, settings: new Dictionary<string, string?>
        {
            ["Seed:Enabled"] = "true",
            ["Seed:PublishSampleResults"] = "false",
            ["Seed:CatalogDirectory"] = Path.Combine(TestData.RepositoryRoot, "rules-catalog"),
            ["Seed:SamplesDirectory"] = samples,
        });
        _ = host.Server;
        return host;
    }

    /// <summary>The command line's pipeline over the sample folder and the tenant's catalog: (unit, award), sorted.</summary>
    private static (List<string> RuleSets, List<(string Unit, string Award)> Awards) CommandLineAwards(int year)
    {
        var loaded = RuleSetLoader.LoadFolder(Path.Combine(TestData.RepositoryRoot, "rules-catalog", Tenant));
        var documents = loaded.Files.Where(f => f.Succeeded).Select(f => f.Document!).ToList();
        // As the command line reads it: the rule sets' declarations, then the shared vocabulary.
        var catalog = IndicatorCatalog.FromRuleSets(documents.Select(d => d.RuleSet))
            .With(IndicatorCatalog.FromCsv(Path.Combine(TestData.RepositoryRoot, "rules-catalog", "indicators.csv"), []));
        var read = DataFolderReader.Read(Path.Combine(TestData.RepositoryRoot, "samples", Tenant), catalog);
        Assert.That(read.Errors, Is.Empty, string.Join("\n", read.Errors));
        var run = new ScoringPipeline().Run(documents, read.Dataset!.Input, year);
        Assert.That(run.Problems, Is.Empty, string.Join("\n", run.Problems));
        return ([.. run.Runs.Select(r => r.Document.RuleSet.Id).Order(StringComparer.Ordinal)],
            Sorted(run.Runs.SelectMany(r => r.Result.Awards).Select(a => (a.UnitCode, a.Award))));
    }

    /// <summary>One run per rule set (the ones the command line used for the year's groups) through the API; their awards, sorted.</summary>
    private static async Task<(List<long> Runs, List<(string Unit, string Award)> Awards)> ServiceAwardsAsync(HttpClient admin, int year, List<string> ruleSets)
    {
        var runs = new List<long>();
        var awards = new List<(string, string)>();
        foreach (var ruleSet in ruleSets)
        {
            var enqueue = await admin.PostAsJsonAsync($"/api/tenants/{Tenant}/runs", new RunRequest(year, ruleSet, null, null));
            await TestData.Ensure(enqueue);
            var run = await TestData.WaitForRunAsync(admin, (await enqueue.Content.ReadFromJsonAsync<RunDto>())!.Id);
            Assert.That(run.Status, Is.EqualTo("completed"), run.Error);
            runs.Add(run.Id);
            var list = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/runs/{run.Id}/awards");
            awards.AddRange(list!.Select(a => (a.GetProperty("unit").GetString()!, a.GetProperty("award").GetString()!)));
        }

        return (runs, Sorted(awards));
    }

    private static List<(string Unit, string Award)> Sorted(IEnumerable<(string Unit, string Award)> awards) =>
        [.. awards.OrderBy(a => a.Unit, StringComparer.Ordinal).ThenBy(a => a.Award, StringComparer.Ordinal)];
}
