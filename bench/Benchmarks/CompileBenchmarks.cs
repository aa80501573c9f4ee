using BenchmarkDotNet.Attributes;
using Scoring.Bench.Generation;
using Scoring.Bench.Runs;
using Scoring.Engine.Evaluation.Fast;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Bench.Benchmarks;

/// <summary>Warm compile: the 60-criterion rule set to a fast scorer (and from the JSON file), in a process that has done it before.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private RuleSet _ruleSet = null!;

    [GlobalSetup]
    public void Setup() => _ruleSet = WorkloadRuleSet.Build(Workload.Load());

    [Benchmark]
    public FastScorer CompileWarm() => FastScorer.Compile(_ruleSet);

    [Benchmark]
    public FastScorer LoadAndCompileWarm() => FastScorer.Compile(RuleSetLoader.LoadFile(ColdCompile.RulesPath).Document!.RuleSet);
}
