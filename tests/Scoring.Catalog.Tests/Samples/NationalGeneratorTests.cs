using System.Diagnostics;
using Scoring.Rules.Loading;
using Scoring.Rules.Validation;

namespace Scoring.Catalog.Tests.Samples;

/// <summary>
/// The sample generator's national mode (samples/generate.cs national, issue 15) at a tiny scale: it runs the real
/// generator, so it cannot rot unnoticed. The same seed gives the same bytes, another seed other values, the stated counts
/// come out, and every tenant's folder loads with the command line's reader against its generated rule sets.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class NationalGeneratorTests
{
    private const int Tenants = 34;
    private const int Communes = 70;
    private const int Agencies = 68;
    private const int Enterprises = 34;
    private string work = "";

    [OneTimeSetUp]
    public void Generate()
    {
        work = Directory.CreateTempSubdirectory("national-generator-").FullName;
        foreach (var (name, seed) in new[] { ("a", 7), ("b", 7), ("c", 8) })
        {
            Run("national", "--seed", $"{seed}", "--communes", $"{Communes}", "--agencies", $"{Agencies}", "--enterprises", $"{Enterprises}",
                "--out", Path.Combine(work, name));
        }
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(work, recursive: true);

    [Test]
    public void The_same_seed_gives_the_same_bytes_and_another_seed_other_values()
    {
        var a = Files(Path.Combine(work, "a"));
        var b = Files(Path.Combine(work, "b"));
        var c = Files(Path.Combine(work, "c"));
        Assert.That(b.Keys, Is.EqualTo(a.Keys));
        Assert.That(a.Keys.Where(k => !a[k].SequenceEqual(b[k])), Is.Empty, "files that differ between two runs with seed 7");
        var submissions = a.Keys.Where(k => k.Contains("/submissions-2025.csv", StringComparison.Ordinal)).ToList();
        Assert.That(submissions, Has.Count.EqualTo(Tenants));
        Assert.That(submissions.Count(k => c.TryGetValue(k, out var other) && !other.SequenceEqual(a[k])), Is.EqualTo(Tenants),
            "seed 8 must change every tenant's submitted values");
    }

    [Test]
    public void It_writes_the_stated_counts()
    {
        var samples = Path.Combine(work, "a", "samples");
        var tenants = Directory.GetDirectories(samples).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(tenants, Has.Count.EqualTo(Tenants));
        Assert.That(tenants, Does.Contain("ha-noi").And.Contain("ho-chi-minh").And.Contain("son-la"));
        var kinds = tenants.SelectMany(t => File.ReadLines(Path.Combine(samples, t!, "units.csv")).Skip(1).Select(l => l.Split(',')[2]))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(kinds["locality"], Is.EqualTo(Communes));
        Assert.That(kinds["enterprise"], Is.EqualTo(Enterprises));
        Assert.That(kinds.Where(k => k.Key is not ("locality" or "enterprise")).Sum(k => k.Value), Is.EqualTo(Agencies));
        foreach (var tenant in tenants)
        {
            var folder = Path.Combine(samples, tenant!);
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(new[]
            {
                "groups-2025.csv", "groups-2026.csv", "history.csv", "reports-2025.csv", "reports-2026.csv",
                "submissions-2025.csv", "submissions-2026.csv", "tenant.json", "units.csv",
            }), tenant);
            Assert.That(Directory.GetFiles(Path.Combine(work, "a", "rules-catalog", tenant!, "dmst-cds-2025-2030")), Has.Length.EqualTo(12), tenant);
        }
    }

    [TestCase("ha-noi")]
    [TestCase("an-giang")]
    public void A_tenant_loads_with_the_command_lines_reader_against_its_rule_sets(string tenant)
    {
        var root = Path.Combine(work, "a");
        var folder = RuleSetLoader.LoadFolder(Path.Combine(root, "rules-catalog", tenant));
        Assert.That(folder.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()), Is.Empty);
        Assert.That(folder.Documents.Select(d => d.RuleSet.Tenant).Distinct(), Is.EqualTo(new[] { tenant }));
        var csvErrors = new List<DataError>();
        var catalog = IndicatorCatalog.FromRuleSets(folder.Documents.Select(d => d.RuleSet))
            .With(IndicatorCatalog.FromCsv(Path.Combine(root, "rules-catalog", "indicators.csv"), csvErrors));
        var data = DataFolderReader.Read(Path.Combine(root, "samples", tenant), catalog);
        Assert.That(csvErrors.Concat(data.Errors).Select(e => e.ToString()), Is.Empty);
        Assert.That(data.Dataset!.Years.Keys, Is.EqualTo(new[] { 2025, 2026 }));
        Assert.That(data.Dataset.Years[2025].Values, Is.Not.Empty);
    }

    [Test]
    public void A_bad_option_is_refused_with_its_name()
    {
        var (code, output) = Start("national", "--tenant", "3", "--out", Path.Combine(work, "bad"));
        Assert.That(code, Is.Not.Zero);
        Assert.That(output, Does.Contain("unknown option --tenant"));
        Assert.That(Directory.Exists(Path.Combine(work, "bad")), Is.False);
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static void Run(params string[] args)
    {
        var (code, output) = Start(args);
        Assert.That(code, Is.Zero, output);
    }

    private static (int Code, string Output) Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = CatalogFiles.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "run", "samples/generate.cs", "--" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the generator did not finish within 5 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
