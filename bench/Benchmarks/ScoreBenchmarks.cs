using BenchmarkDotNet.Attributes;
using Scoring.Bench.Baselines;
using Scoring.Bench.Generation;
using Scoring.Engine;
using Scoring.Engine.Evaluation.Reference;
using Scoring.Engine.Model;
using Scoring.Engine.Results;

namespace Scoring.Bench.Benchmarks;

/// <summary>
/// <see cref="ScoringEngine.Score"/> (points with explanations, ranks, cards) on the 3,400-unit set in clusters of
/// 100, against the hand-written double code (baseline) and the reference evaluator Score replaced.
/// </summary>
[MemoryDiagnoser]
public class ScoreBenchmarks
{
    private WorkloadFixture _fixture = null!;
    private ScoringRequest _request = null!;
    private double[] _doubleOut = null!;

    [Params(3_400)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = WorkloadFixture.Create(Units);
        _request = WorkloadRequest.Build(_fixture);
        _doubleOut = new double[Units * HandWrittenDouble.Criteria];
    }

    [Benchmark(Baseline = true)]
    public double[] HandWrittenDoubleCode()
    {
        HandWrittenDouble.Score(_fixture.Data.Doubles, _doubleOut, Units);
        return _doubleOut;
    }

    [Benchmark]
    public ScoringResult Score() => ScoringEngine.Score(_request);

    [Benchmark]
    public ScoringResult ReferenceEvaluator() => ReferenceRequestScorer.Score(_request);
}
