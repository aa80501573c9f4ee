using System.Net.Http.Json;
using Scoring.Host.Tests.Fixtures;
using Scoring.Rules.Loading;

namespace Scoring.Host.Tests.Reviews;

/// <summary>
/// Ia Băng's samples (the smallest tenant, 2025–2027) seeded into a host, and the yearly runs of the phase scored and
/// published through the API as an operator would: one run per rule set the command line uses for the year.
/// </summary>
internal sealed class ReviewSamples : IDisposable
{
    public const string Tenant = "ia-bang";
    public const string Phase = "2025-2027";

    public ReviewSamples()
    {
        Folder = Directory.CreateTempSubdirectory("scoring-samples-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(Folder, Tenant), Path.Combine(TestData.RepositoryRoot, "samples", Tenant));
    }

    public string Folder { get; }

    public static string Rules => Path.Combine(TestData.RepositoryRoot, "rules-catalog", Tenant);

    public static string Data => Path.Combine(TestData.RepositoryRoot, "samples", Tenant);

    public Dictionary<string, string?> Settings => new()
    {
        ["Seed:Enabled"] = "true",
        ["Seed:PublishSampleResults"] = "false",
        ["Seed:CatalogDirectory"] = Path.Combine(TestData.RepositoryRoot, "rules-catalog"),
        ["Seed:SamplesDirectory"] = Folder,
    };

    /// <summary>Scores and publishes every year of the phase; the published run ids.</summary>
    public static async Task<List<long>> PublishYearsAsync(HttpClient admin, int from = 2025, int to = 2027)
    {
        var published = new List<long>();
        for (var year = from; year <= to; year++)
        {
            foreach (var ruleSet in CommandLineRuleSets(year))
            {
                var enqueue = await admin.PostAsJsonAsync($"/api/tenants/{Tenant}/runs", new RunRequest(year, ruleSet, null, null));
                await TestData.Ensure(enqueue);
                var run = await TestData.WaitForRunAsync(admin, (await enqueue.Content.ReadFromJsonAsync<RunDto>())!.Id);
                Assert.That(run.Status, Is.EqualTo("completed"), run.Error);
                await TestData.Ensure(await admin.PostAsync($"/api/runs/{run.Id}/publish", null));
                published.Add(run.Id);
            }
        }

        return published;
    }

    /// <summary>The `review` verb's JSON for the samples (the command line's own pipeline over the data folder).</summary>
    public static string CommandLineReviewJson()
    {
        var (documents, data) = Load();
        var run = new PhaseReviewPipeline().Run(documents, data, Phase);
        Assert.That(run.Problems, Is.Empty, string.Join("\n", run.Problems));
        return PhaseReviewDocument.Write([.. run.Parts.Select(p => p.Result)]);
    }

    public static async Task<ReviewDto> WaitForReviewAsync(HttpClient client, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var review = (await client.GetFromJsonAsync<ReviewDto>($"/api/reviews/{id}"))!;
            if (review.Status is "completed" or "failed")
            {
                return review;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Review {id} did not finish: {review.Status}");
            }

            await Task.Delay(200);
        }
    }

    public void Dispose() => Directory.Delete(Folder, true);

    private static List<string> CommandLineRuleSets(int year)
    {
        var (documents, data) = Load();
        var run = new ScoringPipeline().Run(documents, data.Input, year);
        Assert.That(run.Problems, Is.Empty, string.Join("\n", run.Problems));
        return [.. run.Runs.Select(r => r.Document.RuleSet.Id).Order(StringComparer.Ordinal)];
    }

    private static (List<RuleSetDocument> Documents, TenantDataset Data) Load()
    {
        var loaded = RuleSetLoader.LoadFolder(Rules);
        var documents = loaded.Files.Where(f => f.Succeeded).Select(f => f.Document!).ToList();
        var read = DataFolderReader.Read(Data, IndicatorCatalog.FromRuleSets(documents.Select(d => d.RuleSet)));
        Assert.That(read.Errors, Is.Empty, string.Join("\n", read.Errors));
        return (documents, read.Dataset!);
    }
}
