using BenchmarkDotNet.Attributes;
using Scoring.Bench.Baselines;
using Scoring.Bench.Generation;
using Scoring.Bench.Peers;
using Scoring.Engine;
using Scoring.Engine.Model;

namespace Scoring.Bench.Benchmarks;

/// <summary>
/// The 60 criteria on every unit, everyone on the same data in one run: hand-written double (baseline), hand-written
/// decimal, the engine's per-unit points pass ("engine": the kernel <see cref="ScoringEngine.Score"/> runs), the whole
/// <see cref="ScoringEngine.Score"/> ("engine explained": points, explanation data, cards, ranks, awards), Microsoft
/// RulesEngine 6.0.1 and NRules 1.0.4 (both in double).
/// </summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private WorkloadFixture _fixture = null!;
    private double[] _doubleOut = null!;
    private decimal[] _decimalOut = null!;
    private ScoringRequest _request = null!;
    private WorkloadUnit[] _units = null!;
    private RulesEnginePeer _rulesEngine = null!;
    private NRulesPeer _nrules = null!;
    private double[] _peerOut = null!;

    [ParamsSource(nameof(UnitCounts))]
    public int Units { get; set; }

    /// <summary>3,400 and 100,000 units; BENCH_UNITS=3400 (comma-separated) runs only those, to keep a run short on a shared machine.</summary>
    public static IEnumerable<int> UnitCounts() =>
        Environment.GetEnvironmentVariable("BENCH_UNITS") is { Length: > 0 } units
            ? units.Split(',').Select(u => int.Parse(u, System.Globalization.CultureInfo.InvariantCulture))
            : [3_400, 100_000];

    [GlobalSetup]
    public void Setup()
    {
        _fixture = WorkloadFixture.Create(Units);
        _doubleOut = new double[Units * HandWrittenDouble.Criteria];
        _decimalOut = new decimal[Units * HandWrittenDecimal.Criteria];
        _request = WorkloadRequest.Build(_fixture);
        _units = WorkloadUnit.From(_fixture.Data.Doubles, Units);
        _rulesEngine = new RulesEnginePeer(_fixture.Workload);
        _nrules = new NRulesPeer(_fixture.Workload);
        _peerOut = new double[Units * WorkloadUnit.Criteria];
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
    public object Engine() => EngineKernel.Score(_request);

    [Benchmark]
    public object EngineExplained() => ScoringEngine.Score(_request);

    [Benchmark]
    public double[] RulesEngine()
    {
        _rulesEngine.Score(_units, _peerOut);
        return _peerOut;
    }

    [Benchmark]
    public double[] NRules()
    {
        _nrules.Score(_units, _peerOut);
        return _peerOut;
    }
}
