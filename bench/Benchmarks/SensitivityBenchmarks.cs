using BenchmarkDotNet.Attributes;
using Scoring.Engine.Model;
using Scoring.Engine.Sensitivity;
using Scoring.Host.Cli;
using Scoring.Host.DataFolder;
using Scoring.Host.Pipeline;

namespace Scoring.Bench.Benchmarks;

/// <summary>
/// The rank-sensitivity analysis of one province's year: Sơn La 2025 from samples/ with its catalog (every rule set
/// that applies, every cluster and bloc), 1,000 samples at ±10%. Target: at most 2 s on the project's 2-core machine.
/// </summary>
[MemoryDiagnoser]
public class SensitivityBenchmarks
{
    private ScoringRequest[] requests = [];

    [Params(1_000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup() => requests = SonLaRequests();

    /// <summary>Sơn La 2025 from samples/ scored with its catalog: one request per rule set that applies.</summary>
    public static ScoringRequest[] SonLaRequests()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Scoring.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run the benchmark inside the repository.");
        }
        var rules = Path.Combine(root, "rules-catalog", "son-la");
        var ruleSets = RuleSetInputs.Load(rules, "--rules");
        var catalog = IndicatorCatalog.FromRuleSets(ruleSets.Select(d => d.RuleSet));
        if (IndicatorCatalog.Locate(rules) is { } vocabulary)
        {
            catalog = catalog.With(IndicatorCatalog.FromCsv(vocabulary, []));
        }
        var data = DataFolderReader.Read(Path.Combine(root, "samples", "son-la"), catalog);
        var run = new ScoringPipeline().Run(ruleSets, data.Dataset!.Input, 2025);
        return [.. run.Runs.Select(r => r.Request)];
    }

    [Benchmark]
    public SensitivityReport SonLa2025() => SensitivityAnalyzer.Analyze(requests, new SensitivityOptions(Samples, 10m, Seed: 1));
}
