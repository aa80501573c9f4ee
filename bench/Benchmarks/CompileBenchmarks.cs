using BenchmarkDotNet.Attributes;
using Scoring.Bench.Generation;
using Scoring.Bench.Runs;
using Scoring.Engine;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Bench.Benchmarks;

/// <summary>
/// Warm compile, in a process that has compiled before: what a host pays once per rule-set version and year
/// (<see cref="ScoringEngine.Compile"/> plus the per-unit points kernel for the year), and the same from the JSON file.
/// </summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private RuleSet _ruleSet = null!;
    private RuleSetIdentity _identity = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ruleSet = WorkloadRuleSet.Build(Workload.Load());
        _identity = new RuleSetIdentity(_ruleSet.Id, _ruleSet.Version, new string('0', 64));
    }

    [Benchmark]
    public object CompileWarm() => CompileForYear(_ruleSet);

    [Benchmark]
    public object LoadAndCompileWarm() => CompileForYear(RuleSetLoader.LoadFile(ColdCompile.RulesPath).Document!.RuleSet);

    private object CompileForYear(RuleSet ruleSet)
    {
        var compiled = ScoringEngine.Compile(ruleSet, _identity);
        return compiled.KernelFor(WorkloadRequest.Year);
    }
}
