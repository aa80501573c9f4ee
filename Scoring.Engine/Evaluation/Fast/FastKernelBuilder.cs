using System.Linq.Expressions;
using System.Reflection;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// Builds one lambda that loops over the units and computes every criterion inline in double: no delegate
/// call per criterion, no allocation per unit. Each criterion ends with the guarded rounding to the precision.
/// </summary>
internal static class FastKernelBuilder
{
    private static readonly MethodInfo DoubleRound = typeof(Math).GetMethod(nameof(Math.Round), [typeof(double)])!;

    public static (FastKernel Kernel, int ExactOnlyCriteria) Build(IReadOnlyList<CriterionPlan> plans, int indicatorCount, int precision)
    {
        var values = Expression.Parameter(typeof(double[]), "values");
        var points = Expression.Parameter(typeof(double[]), "points");
        var flagged = Expression.Parameter(typeof(int[]), "flagged");
        var count = Expression.Parameter(typeof(int), "unitCount");
        var unit = Expression.Variable(typeof(int), "unit");
        var offset = Expression.Variable(typeof(int), "offset");
        var outOffset = Expression.Variable(typeof(int), "outOffset");
        var listed = Expression.Variable(typeof(int), "listed");
        var guard = Expression.Variable(typeof(bool), "guard");
        var s = Expression.Variable(typeof(double), "s");
        var n = Expression.Variable(typeof(double), "n");
        var pow = Math.Pow(10, precision);
        var exactOnly = 0;

        var body = new List<Expression>
        {
            Expression.Assign(offset, Expression.Multiply(unit, Expression.Constant(indicatorCount))),
            Expression.Assign(outOffset, Expression.Multiply(unit, Expression.Constant(plans.Count))),
        };
        for (var c = 0; c < plans.Count; c++)
        {
            var cell = Expression.ArrayAccess(points, Expression.Add(outOffset, Expression.Constant(c)));
            var converter = new DoubleTreeConverter(values, offset, guard);
            try
            {
                if (converter.TryConvertConstantPoints(plans[c].Raw, plans[c].MaxPoints, precision) is { } selected)
                {
                    if (converter.Guards == 0)
                    {
                        body.Add(Expression.Assign(cell, selected));
                        continue;
                    }
                    body.Add(Expression.Assign(guard, Expression.Constant(false)));
                    body.Add(Expression.Assign(cell, selected));
                    body.Add(Expression.IfThen(guard, Flag(flagged, listed, outOffset, c)));
                }
                else
                {
                    var maxScaled = PointsTable.ToScaled(plans[c].MaxPoints, precision) is { } m && m < FastGuards.MaxScaled / 2
                        ? m
                        : throw new NotSupportedException("max has more digits than the precision, or is too large");
                    var value = converter.Convert(plans[c].Raw);
                    body.Add(Expression.Assign(guard, Expression.Constant(false)));
                    body.Add(Expression.Assign(s, Expression.Multiply(value, Expression.Constant(pow))));
                    body.Add(Expression.Assign(n, Expression.Call(DoubleRound, s)));
                    var offMidpoint = Expression.Call(FastGuards.OffMidpointWithinMethod, s, n, Expression.Constant(FastGuards.MidpointTolerance(maxScaled)));
                    body.Add(Expression.Assign(guard, Expression.Or(guard, Expression.Not(offMidpoint))));
                    // Round, then clamp to [0, max], as the engine does (plain tests: NaN is already guarded).
                    var top = Expression.Constant((double)maxScaled);
                    body.Add(Expression.Assign(cell, Expression.Condition(
                        Expression.LessThan(n, Expression.Constant(0d)),
                        Expression.Constant(0d),
                        Expression.Condition(Expression.GreaterThan(n, top), top, n))));
                    body.Add(Expression.IfThen(guard, Flag(flagged, listed, outOffset, c)));
                }
            }
            catch (NotSupportedException)
            {
                // Not expressible in guarded double: this criterion is always computed exactly.
                exactOnly++;
                body.Add(Flag(flagged, listed, outOffset, c));
            }
        }
        body.Add(Expression.PreIncrementAssign(unit));

        var exit = Expression.Label(typeof(int), "done");
        var lambda = Expression.Lambda<FastKernel>(
            Expression.Block(
                typeof(int),
                [unit, offset, outOffset, listed, guard, s, n],
                Expression.Assign(unit, Expression.Constant(0)),
                Expression.Assign(listed, Expression.Constant(0)),
                Expression.Loop(
                    Expression.IfThenElse(
                        Expression.LessThan(unit, count),
                        Expression.Block(body),
                        Expression.Break(exit, listed)),
                    exit)),
            values, points, flagged, count);
        return (lambda.Compile(), exactOnly);
    }

    // The cell goes to the exact pass: list its index.
    private static Expression Flag(ParameterExpression flagged, ParameterExpression listed, ParameterExpression outOffset, int criterion) =>
        Expression.Block(
            Expression.Assign(Expression.ArrayAccess(flagged, listed), Expression.Add(outOffset, Expression.Constant(criterion))),
            Expression.PreIncrementAssign(listed));
}
