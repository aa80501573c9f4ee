using BenchmarkDotNet.Attributes;
using Scoring.Bench.Baselines;
using Scoring.Bench.Generation;
using Scoring.Engine.Evaluation.Fast;

namespace Scoring.Bench.Benchmarks;

/// <summary>The 60 criteria on every unit: hand-written double (baseline), hand-written decimal, engine fast path, engine exact path.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private WorkloadFixture _fixture = null!;
    private double[] _doubleOut = null!;
    private decimal[] _decimalOut = null!;
    private PointsTable _points = null!;

    [Params(3_400, 100_000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = WorkloadFixture.Create(Units);
        _doubleOut = new double[Units * HandWrittenDouble.Criteria];
        _decimalOut = new decimal[Units * HandWrittenDecimal.Criteria];
        _points = _fixture.Scorer.CreatePoints(Units);
    }

    [Benchmark(Baseline = true)]
    public double[] HandWrittenDoubleCode()
    {
        HandWrittenDouble.Score(_fixture.Data.Doubles, _doubleOut, Units);
        return _doubleOut;
    }

    [Benchmark]
    public decimal[] HandWrittenDecimalCode()
    {
        HandWrittenDecimal.Score(_fixture.Data.Decimals, _decimalOut, Units);
        return _decimalOut;
    }

    [Benchmark]
    public PointsTable EngineFastPath()
    {
        _fixture.Scorer.ScorePoints(_fixture.Table, _points);
        return _points;
    }

    [Benchmark]
    public PointsTable EngineExactDecimal() => _fixture.Scorer.ScorePointsExact(_fixture.Table);
}
