using Scoring.Engine.Model;

namespace Scoring.Bench.Benchmarks;

/// <summary>
/// "engine": the part of <see cref="Scoring.Engine.ScoringEngine.Score"/> that computes every per-unit criterion's
/// points (the guarded double kernel with exact fallback), on the request's input table; what the hand-written code does.
/// </summary>
public static class EngineKernel
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ScoringRequest, Prepared> Tables = [];

    public static object Score(ScoringRequest request)
    {
        var prepared = Tables.GetValue(request, Prepare);
        prepared.Scorer.ScorePoints(prepared.Table, prepared.Points);
        return prepared.Points;
    }

    private static Prepared Prepare(ScoringRequest request)
    {
        var scorer = request.RuleSet.EnsureCompiled().KernelFor(request.Year).Scorer!;
        var builder = scorer.CreateTable(request.Units.Length);
        var indicators = request.RuleSet.RuleSet.Indicators;
        for (var u = 0; u < request.Units.Length; u++)
        {
            for (var j = 0; j < indicators.Length; j++)
            {
                if (request.Units[u].Values.TryGetValue(indicators[j].Id, out var value))
                {
                    builder.Set(u, j, value.Number);
                }
            }
        }
        var table = builder.Build();
        return new Prepared(scorer, table, scorer.CreatePoints(table.UnitCount));
    }

    private sealed record Prepared(Scoring.Engine.Evaluation.Fast.FastScorer Scorer, Scoring.Engine.Evaluation.Fast.IndicatorTable Table, Scoring.Engine.Evaluation.Fast.PointsTable Points);
}
