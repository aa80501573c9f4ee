using System.Linq.Expressions;
using System.Reflection;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// Rewrites a decimal criterion tree into a double tree with guards. Every comparison whose operands may be
/// equal, and every rounding whose value may sit on a midpoint, ORs true into the guard variable; the kernel
/// then recomputes that criterion exactly. Min/Max/Abs are continuous and need no guard. A comparison of two
/// "short" operands (inputs or constants with ≤ 15 significant digits, or Min/Max/negation of them) is exact in
/// double and needs no guard either. Anything not understood throws <see cref="NotSupportedException"/>, and
/// the criterion then always takes the exact path.
/// </summary>
internal sealed partial class DoubleTreeConverter(ParameterExpression values, ParameterExpression offset, ParameterExpression guard)
{
    private static readonly MethodInfo DoubleMin = typeof(Math).GetMethod(nameof(Math.Min), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo DoubleMax = typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo DoubleAbs = typeof(Math).GetMethod(nameof(Math.Abs), [typeof(double)])!;
    private static readonly MethodInfo DoubleRound = typeof(Math).GetMethod(nameof(Math.Round), [typeof(double)])!;
    private static readonly MethodInfo DoubleFloor = typeof(Math).GetMethod(nameof(Math.Floor), [typeof(double)])!;
    private static readonly MethodInfo DoubleCeiling = typeof(Math).GetMethod(nameof(Math.Ceiling), [typeof(double)])!;
    private static readonly MethodInfo DoubleTruncate = typeof(Math).GetMethod(nameof(Math.Truncate), [typeof(double)])!;

    private readonly Dictionary<ParameterExpression, Converted> _variables = [];

    /// <summary>How many guard tests the converted trees contain.</summary>
    public int Guards { get; private set; }

    /// <summary>The double (or bool) form of <paramref name="node"/>.</summary>
    public Expression Convert(Expression node) => Visit(node).Expression;

    private Converted Visit(Expression node) => node switch
    {
        ConstantExpression c => Constant(c),
        MethodCallExpression m when FastMarkers.IsIndicator(m, out var k) =>
            new(Expression.ArrayIndex(values, Expression.Add(offset, Expression.Constant(k))), Short: true),
        // Units with a missing value never reach the kernel, so every indicator is present here.
        MethodCallExpression m when FastMarkers.IsPresent(m, out _) => new(Expression.Constant(true), Short: true),
        MethodCallExpression m => Call(m),
        UnaryExpression u => Unary(u),
        BinaryExpression b => Binary(b),
        ConditionalExpression c => Conditional(c),
        BlockExpression b => Block(b),
        // The exact tree turns arithmetic exceptions into rule errors; in double a zero divisor is guarded instead.
        TryExpression t when t.Finally is null && t.Fault is null => Visit(t.Body),
        ParameterExpression p when _variables.TryGetValue(p, out var v) => v,
        _ => throw Unsupported(node),
    };

    private static Converted Constant(ConstantExpression c) => c.Value switch
    {
        decimal d => new(Expression.Constant(DecimalDoubles.ToDouble(d, out var isShort)), isShort),
        bool b => new(Expression.Constant(b), Short: true),
        int i => new(Expression.Constant((double)i), Short: Math.Abs(i) < 1_000_000_000),
        long l => new(Expression.Constant((double)l), Short: Math.Abs(l) < 100_000_000_000_000),
        double d => new(Expression.Constant(d), Short: false),
        _ => throw Unsupported(c),
    };

    private Converted Unary(UnaryExpression u)
    {
        var operand = Visit(u.Operand);
        return u.NodeType switch
        {
            ExpressionType.Negate or ExpressionType.NegateChecked => new(Expression.Negate(operand.Expression), operand.Short),
            ExpressionType.UnaryPlus => operand,
            ExpressionType.Not when u.Type == typeof(bool) => new(Expression.Not(operand.Expression), Short: true),
            ExpressionType.Convert or ExpressionType.ConvertChecked when IsNumber(u.Type) && IsNumber(u.Operand.Type) && IsWidening(u) => operand,
            _ => throw Unsupported(u),
        };
    }

    private Converted Binary(BinaryExpression b)
    {
        if (b.NodeType == ExpressionType.Assign && b.Left is ParameterExpression target)
        {
            var value = Visit(b.Right);
            var variable = Expression.Variable(value.Expression.Type, target.Name);
            _variables[target] = new(variable, value.Short);
            return new(Expression.Assign(variable, value.Expression), value.Short);
        }
        var left = Visit(b.Left);
        var right = Visit(b.Right);
        switch (b.NodeType)
        {
            case ExpressionType.Add or ExpressionType.AddChecked:
                return new(Expression.Add(left.Expression, right.Expression), Short: false);
            case ExpressionType.Subtract or ExpressionType.SubtractChecked:
                return new(Expression.Subtract(left.Expression, right.Expression), Short: false);
            case ExpressionType.Multiply or ExpressionType.MultiplyChecked:
                return new(Expression.Multiply(left.Expression, right.Expression), Short: false);
            case ExpressionType.Divide:
                return Divide(left, right);
            case ExpressionType.AndAlso:
                return new(Expression.AndAlso(left.Expression, right.Expression), Short: true);
            case ExpressionType.OrElse:
                return new(Expression.OrElse(left.Expression, right.Expression), Short: true);
            case ExpressionType.And or ExpressionType.Or or ExpressionType.ExclusiveOr when b.Type == typeof(bool):
                return new(Expression.MakeBinary(b.NodeType, left.Expression, right.Expression), Short: true);
            case ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual:
                return Compare(b.NodeType, left, right);
            default:
                throw Unsupported(b);
        }
    }

    private Converted Compare(ExpressionType kind, Converted left, Converted right)
    {
        if (left.Expression.Type == typeof(bool) || (left.Short && right.Short))
        {
            return new(Expression.MakeBinary(kind, left.Expression, right.Expression), Short: true);
        }
        Guards++;
        if (right.Expression is ConstantExpression { Value: double c } && double.IsFinite(c))
        {
            // Against a constant (a band threshold) the tolerance is a constant too.
            var x = Expression.Variable(typeof(double), "x");
            return new(
                Expression.Block(
                    typeof(bool),
                    [x],
                    Expression.Assign(x, left.Expression),
                    Expression.Assign(guard, Expression.Or(guard, Expression.Call(
                        FastGuards.NearConstantMethod, x, right.Expression, Expression.Constant(FastGuards.ToleranceFor(c))))),
                    Expression.MakeBinary(kind, x, right.Expression)),
                Short: true);
        }
        var a = Expression.Variable(typeof(double), "a");
        var b = Expression.Variable(typeof(double), "b");
        return new(
            Expression.Block(
                typeof(bool),
                [a, b],
                Expression.Assign(a, left.Expression),
                Expression.Assign(b, right.Expression),
                Expression.Assign(guard, Expression.Or(guard, Expression.Call(FastGuards.NearMethod, a, b))),
                Expression.MakeBinary(kind, a, b)),
            Short: true);
    }

    // A divisor that may be zero must take the exact path, which reports the error as the engine does.
    private Converted Divide(Converted dividend, Converted divisor)
    {
        if (divisor.Expression is ConstantExpression { Value: double d } && d != 0 && double.IsFinite(1 / d))
        {
            // x / c as x · (1/c): one more rounding error (≤ 1 ulp), far inside the guard tolerances, and faster.
            return new(Expression.Multiply(dividend.Expression, Expression.Constant(1 / d)), Short: false);
        }
        Guards++;
        var b = Expression.Variable(typeof(double), "divisor");
        return new(
            Expression.Block(
                typeof(double),
                [b],
                Expression.Assign(b, divisor.Expression),
                Expression.Assign(guard, Expression.Or(guard, Expression.Call(FastGuards.NearMethod, b, Expression.Constant(0d)))),
                Expression.Divide(dividend.Expression, b)),
            Short: false);
    }

    private Converted Conditional(ConditionalExpression c)
    {
        var test = Visit(c.Test);
        var whenTrue = Visit(c.IfTrue);
        var whenFalse = Visit(c.IfFalse);
        return new(Expression.Condition(test.Expression, whenTrue.Expression, whenFalse.Expression), whenTrue.Short && whenFalse.Short);
    }

    private Converted Block(BlockExpression block)
    {
        var converted = block.Expressions.Select(Visit).ToList();
        var variables = block.Variables.Select(v => (ParameterExpression)_variables[v].Expression);
        var last = converted[^1];
        return new(Expression.Block(last.Expression.Type, variables, converted.Select(e => e.Expression)), last.Short);
    }

    private Converted Call(MethodCallExpression m)
    {
        var type = m.Method.DeclaringType;
        if (type != typeof(Math) && type != typeof(decimal))
        {
            throw Unsupported(m);
        }
        // Non-numeric arguments (Round's MidpointRounding) are read from the original call, not converted.
        var args = m.Arguments.Select(a => a.Type.IsEnum ? new Converted(a, Short: false) : Visit(a)).ToList();
        switch (m.Method.Name, args.Count)
        {
            case ("Min", 2):
                return new(Expression.Call(DoubleMin, args[0].Expression, args[1].Expression), args[0].Short && args[1].Short);
            case ("Max", 2):
                return new(Expression.Call(DoubleMax, args[0].Expression, args[1].Expression), args[0].Short && args[1].Short);
            case ("Clamp", 3):
                return new(
                    Expression.Call(DoubleMin, Expression.Call(DoubleMax, args[0].Expression, args[1].Expression), args[2].Expression),
                    args.All(a => a.Short));
            case ("Abs", 1):
                return new(Expression.Call(DoubleAbs, args[0].Expression), args[0].Short);
            case ("Negate", 1):
                return new(Expression.Negate(args[0].Expression), args[0].Short);
            case ("op_Addition", 2) or ("Add", 2):
                return new(Expression.Add(args[0].Expression, args[1].Expression), Short: false);
            case ("op_Subtraction", 2) or ("Subtract", 2):
                return new(Expression.Subtract(args[0].Expression, args[1].Expression), Short: false);
            case ("op_Multiply", 2) or ("Multiply", 2):
                return new(Expression.Multiply(args[0].Expression, args[1].Expression), Short: false);
            case ("op_Division", 2) or ("Divide", 2):
                return Divide(args[0], args[1]);
            case ("Floor", 1):
                return IntegerStep(DoubleFloor, args[0]);
            case ("Ceiling", 1):
                return IntegerStep(DoubleCeiling, args[0]);
            case ("Truncate", 1):
                return IntegerStep(DoubleTruncate, args[0]);
            case ("Round", 1):
                return Round(args[0], 0);
            case ("Round", 2 or 3) when m.Arguments[1] is ConstantExpression { Value: int digits } && digits is >= 0 and <= 15:
                return Round(args[0], digits);
            default:
                throw Unsupported(m);
        }
    }

    private Converted IntegerStep(MethodInfo step, Converted x)
    {
        Guards++;
        var v = Expression.Variable(typeof(double), "x");
        return new(
            Expression.Block(
                typeof(double),
                [v],
                Expression.Assign(v, x.Expression),
                Expression.Assign(guard, Expression.Or(guard, Expression.Call(FastGuards.NearIntegerMethod, v))),
                Expression.Call(step, v)),
            Short: false);
    }

    private Converted Round(Converted x, int digits)
    {
        // Round(x, d) = round(x·10^d) / 10^d; the midpoint rule does not matter because a midpoint is guarded.
        Guards++;
        var pow = Math.Pow(10, digits);
        var s = Expression.Variable(typeof(double), "s");
        var n = Expression.Variable(typeof(double), "n");
        return new(
            Expression.Block(
                typeof(double),
                [s, n],
                Expression.Assign(s, Expression.Multiply(x.Expression, Expression.Constant(pow))),
                Expression.Assign(n, Expression.Call(DoubleRound, s)),
                Expression.Assign(guard, Expression.Or(guard, Expression.Not(Expression.Call(FastGuards.OffMidpointMethod, s, n)))),
                Expression.Divide(n, Expression.Constant(pow))),
            Short: false);
    }

    private static bool IsNumber(Type t) => t == typeof(decimal) || t == typeof(double) || t == typeof(int) || t == typeof(long);

    // int/long → decimal/double keeps the value; anything towards an integer type truncates and is not handled.
    private static bool IsWidening(UnaryExpression u) => u.Type == typeof(decimal) || u.Type == typeof(double);

    private static NotSupportedException Unsupported(Expression node) =>
        new($"The fast path does not handle '{node.NodeType}' ({node}).");

    private readonly record struct Converted(Expression Expression, bool Short);
}
