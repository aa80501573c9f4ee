using System.Collections.Immutable;
using System.Linq.Expressions;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// The exact decimal evaluation of one criterion: the reference the fast path must equal, and its fallback.
/// Points are the decimal result rounded to the rule set's precision, half away from zero (as by hand),
/// then clamped to [0, max]; a missing required value or an arithmetic error scores 0, as in the engine.
/// </summary>
internal sealed class ExactCriterion
{
    private readonly Expression<Func<decimal[], bool[], int, decimal>> _lambda;
    private Func<decimal[], bool[], int, decimal>? _compiled;
    private readonly ImmutableArray<int> _required;
    private readonly int _precision;
    private readonly decimal _max;

    public ExactCriterion(CriterionPlan plan, int precision)
    {
        var values = Expression.Parameter(typeof(decimal[]), "values");
        var missing = Expression.Parameter(typeof(bool[]), "missing");
        var offset = Expression.Parameter(typeof(int), "offset");
        var body = new DecimalBinder(values, missing, offset).Visit(plan.Raw);
        _lambda = Expression.Lambda<Func<decimal[], bool[], int, decimal>>(body, values, missing, offset);
        _required = plan.Required;
        _precision = precision;
        _max = plan.MaxPoints;
        Inputs = IndicatorCollector.Collect(plan.Raw);
    }

    // Compiled on first fallback: most criteria of a scoring never need the exact form.
    private Func<decimal[], bool[], int, decimal> Points => _compiled ??= _lambda.Compile();

    /// <summary>Every indicator the criterion reads: its result is a function of these values alone.</summary>
    public int[] Inputs { get; }

    public decimal Evaluate(IndicatorTable table, int unit)
    {
        var offset = unit * table.IndicatorCount;
        if (table.HasMissing)
        {
            foreach (var k in _required)
            {
                if (table.Missing[offset + k])
                {
                    return 0m; // not submitted
                }
            }
        }
        decimal raw;
        try
        {
            raw = Points(table.Decimals, table.Missing, offset);
        }
        catch (Exception ex) when (ex is ArithmeticException or InvalidOperationException or ArgumentException || ex.GetType().Name == "RuleEvaluationException")
        {
            return 0m; // the engine reports the criterion as an error worth 0 points
        }
        return Math.Clamp(decimal.Round(raw, _precision, MidpointRounding.AwayFromZero), 0m, _max);
    }
}
