using Scoring.Engine.Evaluation.Fast;
using Scoring.Rules.Model;

namespace Scoring.Bench.Generation;

/// <summary>Everything a run needs for one data set: the workload, its rule set, the units and the compiled scorer.</summary>
public sealed class WorkloadFixture
{
    private WorkloadFixture(Workload workload, RuleSet ruleSet, WorkloadData data, FastScorer scorer, IndicatorTable table)
    {
        Workload = workload;
        RuleSet = ruleSet;
        Data = data;
        Scorer = scorer;
        Table = table;
    }

    public Workload Workload { get; }

    public RuleSet RuleSet { get; }

    public WorkloadData Data { get; }

    internal FastScorer Scorer { get; }

    internal IndicatorTable Table { get; }

    /// <summary>The README's data sets: <paramref name="units"/> units generated with seed = units (3400, 100000).</summary>
    public static WorkloadFixture Create(int units, string? criteriaPath = null)
    {
        var workload = Workload.Load(criteriaPath);
        var ruleSet = WorkloadRuleSet.Build(workload);
        var data = WorkloadGenerator.Generate(workload, units, (ulong)units);
        var scorer = FastScorer.Compile(ruleSet, WorkloadRequest.Year);
        return new WorkloadFixture(workload, ruleSet, data, scorer, ToTable(scorer, data));
    }

    internal static IndicatorTable ToTable(FastScorer scorer, WorkloadData data)
    {
        var builder = scorer.CreateTable(data.UnitCount);
        var k = data.Indicators.Length;
        for (var u = 0; u < data.UnitCount; u++)
        {
            for (var j = 0; j < k; j++)
            {
                builder.Set(u, j, data.Decimals[u * k + j]);
            }
        }
        return builder.Build();
    }
}
