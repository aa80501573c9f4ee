using System.Linq.Expressions;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>Criteria whose every outcome is a constant (bands, checks) select a precomputed scaled value.</summary>
internal sealed partial class DoubleTreeConverter
{
    /// <summary>
    /// The scaled points (a whole number in a double) of a raw tree whose results are all constants, chosen by the same (guarded)
    /// tests; null when some outcome is computed.
    /// </summary>
    public Expression? TryConvertConstantPoints(Expression raw, decimal max, int precision)
    {
        if (!HasConstantOutcomes(raw))
        {
            return null;
        }
        return ConstantPoints(raw, max, precision);
    }

    private static bool HasConstantOutcomes(Expression node) => node switch
    {
        ConstantExpression { Value: decimal } => true,
        ConditionalExpression c => HasConstantOutcomes(c.IfTrue) && HasConstantOutcomes(c.IfFalse),
        BlockExpression b => HasConstantOutcomes(b.Expressions[^1]),
        _ => false,
    };

    private Expression ConstantPoints(Expression node, decimal max, int precision)
    {
        switch (node)
        {
            case ConstantExpression { Value: decimal d }:
                var points = Math.Clamp(decimal.Round(d, precision, MidpointRounding.AwayFromZero), 0m, max);
                var scaled = PointsTable.ToScaled(points, precision) ?? throw Unsupported(node);
                return Math.Abs(scaled) <= (long)PointsTable.MaxExact ? Expression.Constant((double)scaled) : throw Unsupported(node);
            case ConditionalExpression c:
                return Expression.Condition(Visit(c.Test).Expression, ConstantPoints(c.IfTrue, max, precision), ConstantPoints(c.IfFalse, max, precision));
            case BlockExpression b:
                var leading = b.Expressions.Take(b.Expressions.Count - 1).Select(e => Visit(e).Expression).ToList();
                var last = ConstantPoints(b.Expressions[^1], max, precision);
                var variables = b.Variables.Select(v => (ParameterExpression)_variables[v].Expression);
                return Expression.Block(typeof(double), variables, leading.Append(last));
            default:
                throw Unsupported(node);
        }
    }
}
