using Scoring.Engine.Evaluation.Fast;
using Scoring.Engine.Model;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// The per-unit points of a compiled rule set for one year: the guarded double kernel with exact fallback
/// (<see cref="FastScorer"/>), and where each criterion's points are in its table (<see cref="Columns"/>, -1 for group
/// criteria). A rule set the kernel cannot take (<see cref="FastCompileException"/>) is scored exactly by
/// <see cref="Explainer"/>, criterion by criterion: slower, same points.
/// </summary>
internal sealed class PointsKernel
{
    private PointsKernel(FastScorer? scorer, int[] columns)
    {
        Scorer = scorer;
        Columns = columns;
    }

    public FastScorer? Scorer { get; }

    public int[] Columns { get; }

    /// <summary>A kernel whose points are all given as exact decimals (a sensitivity sample's).</summary>
    public static PointsKernel ExactOnly(int criteria) => new(null, [.. Enumerable.Repeat(-1, criteria)]);

    public static PointsKernel Compile(CompiledRuleSet ruleSet, int year)
    {
        var columns = new int[ruleSet.Criteria.Length];
        FastScorer? scorer;
        try
        {
            scorer = FastScorer.Compile(ruleSet.RuleSet, year);
        }
        catch (FastCompileException)
        {
            scorer = null;
        }
        var column = 0;
        foreach (var criterion in ruleSet.Criteria)
        {
            columns[criterion.Index] = scorer is not null && CriterionPlanner.IsPerUnit(criterion.Criterion) ? column++ : -1;
        }
        return new PointsKernel(scorer, columns);
    }
}
