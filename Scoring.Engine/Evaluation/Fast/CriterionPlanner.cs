using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using NodaTime;
using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// Turns the per-unit criterion methods (bands, target, check, count, deadline, expression) into decimal
/// trees. Group methods (relative, rank) are left to the group pass and are not planned.
/// </summary>
internal sealed class CriterionPlanner(RuleSet ruleSet, int? year)
{
    private static readonly MethodInfo DecimalMin = typeof(Math).GetMethod(nameof(Math.Min), [typeof(decimal), typeof(decimal)])!;
    private static readonly MethodInfo DecimalMax = typeof(Math).GetMethod(nameof(Math.Max), [typeof(decimal), typeof(decimal)])!;
    private static readonly MethodInfo DecimalCeiling = typeof(Math).GetMethod(nameof(Math.Ceiling), [typeof(decimal)])!;

    private readonly MarkerScope _scope = new(ruleSet.Indicators, year);

    public static bool IsPerUnit(Criterion criterion) =>
        criterion.Method is BandsMethod or TargetMethod or CheckMethod or CountMethod or DeadlineMethod or ExpressionMethod;

    public CriterionPlan Plan(Criterion criterion)
    {
        var sources = new List<string>();
        var raw = criterion.Method switch
        {
            BandsMethod m => Bands(criterion, m, sources),
            TargetMethod m => Target(criterion, m, sources),
            CheckMethod m => Expression.Condition(
                Translate(criterion, m.Condition, ValueKind.Boolean, sources),
                Expression.Constant(m.Points ?? criterion.MaxPoints),
                Expression.Constant(0m)),
            CountMethod m => Expression.Multiply(Translate(criterion, m.Value, ValueKind.Number, sources), Expression.Constant(m.PointsEach)),
            DeadlineMethod m => Deadline(criterion, m),
            ExpressionMethod m => Translate(criterion, m.Formula, ValueKind.Number, sources),
            _ => throw new FastCompileException($"Criterion '{criterion.Id}' ({criterion.Method.Name}) needs the group pass, not the per-unit fast path."),
        };
        var required = sources
            .SelectMany(s => RuleExpressionCompiler.Analyze(s).Required)
            .Select(_scope.IndexOf)
            .Where(i => i >= 0);
        if (criterion.Method is DeadlineMethod d)
        {
            required = required.Append(IndicatorIndex(criterion, d.Date));
        }
        return new CriterionPlan(criterion.Id, criterion.MaxPoints, raw, [.. required.Distinct().Order()]);
    }

    private Expression Bands(Criterion criterion, BandsMethod method, List<string> sources)
    {
        var value = Expression.Variable(typeof(decimal), "bandValue");
        Expression chain = Expression.Constant(0m);
        foreach (var row in method.Rows.Reverse())
        {
            var points = Expression.Constant(row.Points);
            if (row.IsCatchAll)
            {
                chain = points;
                continue;
            }
            var tests = new List<Expression>();
            if (row.AtLeast is { } a) tests.Add(Expression.GreaterThanOrEqual(value, Expression.Constant(a)));
            if (row.Above is { } b) tests.Add(Expression.GreaterThan(value, Expression.Constant(b)));
            if (row.AtMost is { } c) tests.Add(Expression.LessThanOrEqual(value, Expression.Constant(c)));
            if (row.Below is { } d) tests.Add(Expression.LessThan(value, Expression.Constant(d)));
            chain = Expression.Condition(tests.Aggregate(Expression.AndAlso), points, chain);
        }
        return Expression.Block(
            typeof(decimal),
            [value],
            Expression.Assign(value, Translate(criterion, method.Value, ValueKind.Number, sources)),
            chain);
    }

    // As the engine: a target of 0 or less scores 0; higher is better: clamp(value / target, 0, 1) · max;
    // lower is better: (value ≤ 0 ? 1 : min(target / value, 1)) · max.
    private Expression Target(Criterion criterion, TargetMethod method, List<string> sources)
    {
        var value = Translate(criterion, method.Value, ValueKind.Number, sources);
        var target = Translate(criterion, method.Target, ValueKind.Number, sources);
        var max = Expression.Constant(criterion.MaxPoints);
        var zero = Expression.Constant(0m);
        var one = Expression.Constant(1m);
        var share = method.LowerIsBetter
            ? Expression.Condition(Expression.LessThanOrEqual(value, zero), one, Expression.Call(DecimalMin, Expression.Divide(target, value), one))
            : (Expression)Expression.Call(DecimalMin, Expression.Call(DecimalMax, Expression.Divide(value, target), zero), one);
        return Expression.Condition(Expression.LessThanOrEqual(target, zero), zero, Expression.Multiply(share, max));
    }

    private Expression Deadline(Criterion criterion, DeadlineMethod method)
    {
        if (year is not { } y)
        {
            throw new FastCompileException($"Criterion '{criterion.Id}' is a deadline: compile the fast scorer for a scoring year.");
        }
        var due = Period.Between(new LocalDate(1970, 1, 1), method.Due.For(y), PeriodUnits.Days).Days;
        var date = FastMarkers.IndicatorAt(IndicatorIndex(criterion, method.Date));
        Expression late = Expression.Call(DecimalMax, Expression.Subtract(date, Expression.Constant((decimal)due)), Expression.Constant(0m));
        if (method.Per == DeductionUnit.Week)
        {
            late = Expression.Call(DecimalCeiling, Expression.Divide(late, Expression.Constant(7m)));
        }
        var floor = Math.Clamp(method.Floor, 0m, criterion.MaxPoints);
        return Expression.Call(
            DecimalMax,
            Expression.Subtract(Expression.Constant(criterion.MaxPoints), Expression.Multiply(late, Expression.Constant(method.Deduction))),
            Expression.Constant(floor));
    }

    private int IndicatorIndex(Criterion criterion, string id)
    {
        var i = _scope.IndexOf(id);
        return i >= 0 ? i : throw new FastCompileException($"Criterion '{criterion.Id}' reads '{id}', which is not a declared indicator.");
    }

    private Expression Translate(Criterion criterion, string source, ValueKind expected, List<string> sources)
    {
        sources.Add(source);
        var result = RuleExpressionCompiler.Translate(source, _scope, NumericMode.Decimal, expected);
        if (!result.Succeeded || result.Kind != expected)
        {
            var why = result.Errors.IsEmpty ? $"expected a {expected} value" : string.Join("; ", result.Errors.Select(e => $"column {e.Column}: {e.Message}"));
            throw new FastCompileException($"Criterion '{criterion.Id}' ({criterion.Path}): cannot compile '{source}': {why}.");
        }
        var body = result.Body!;
        return expected == ValueKind.Number && body.Type != typeof(decimal) ? Expression.Convert(body, typeof(decimal)) : body;
    }
}
