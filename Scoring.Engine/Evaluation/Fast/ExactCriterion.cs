using System.Collections.Immutable;
using System.Linq.Expressions;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// The exact decimal evaluation of one criterion: the reference the fast path must equal, and its fallback.
/// Points are the decimal result rounded to the rule set's precision, half away from zero (as by hand).
/// </summary>
internal sealed class ExactCriterion
{
    private readonly Func<decimal[], bool[], int, decimal> _points;
    private readonly ImmutableArray<int> _required;
    private readonly int _precision;

    public ExactCriterion(CriterionPlan plan, int precision)
    {
        var values = Expression.Parameter(typeof(decimal[]), "values");
        var missing = Expression.Parameter(typeof(bool[]), "missing");
        var offset = Expression.Parameter(typeof(int), "offset");
        var body = new DecimalBinder(values, missing, offset).Visit(plan.Points);
        _points = Expression.Lambda<Func<decimal[], bool[], int, decimal>>(body, values, missing, offset).Compile();
        _required = plan.Required;
        _precision = precision;
    }

    public decimal Evaluate(IndicatorTable table, int unit)
    {
        var offset = unit * table.IndicatorCount;
        foreach (var k in _required)
        {
            if (table.Missing[offset + k])
            {
                return 0m; // not submitted
            }
        }
        return decimal.Round(_points(table.Decimals, table.Missing, offset), _precision, MidpointRounding.AwayFromZero);
    }
}
