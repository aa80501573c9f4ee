using System.Linq.Expressions;
using System.Reflection;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// Placeholders for "indicator k of the current unit" in the decimal trees the expression compiler returns.
/// Each compiled form (exact decimal, guarded double) replaces them with its own array access, so one
/// translation serves both. They are never executed.
/// </summary>
internal static class FastMarkers
{
    public static readonly MethodInfo IndicatorMethod = typeof(FastMarkers).GetMethod(nameof(Indicator))!;

    public static readonly MethodInfo PresentMethod = typeof(FastMarkers).GetMethod(nameof(Present))!;

    public static decimal Indicator(int index) =>
        throw new InvalidOperationException($"Marker for indicator {index} was not bound before compilation.");

    public static bool Present(int index) =>
        throw new InvalidOperationException($"Presence marker for indicator {index} was not bound before compilation.");

    public static Expression IndicatorAt(int index) => Expression.Call(IndicatorMethod, Expression.Constant(index));

    public static Expression PresentAt(int index) => Expression.Call(PresentMethod, Expression.Constant(index));

    public static bool IsIndicator(Expression node, out int index) => IsMarker(node, IndicatorMethod, out index);

    public static bool IsPresent(Expression node, out int index) => IsMarker(node, PresentMethod, out index);

    private static bool IsMarker(Expression node, MethodInfo method, out int index)
    {
        if (node is MethodCallExpression call && call.Method == method && call.Arguments[0] is ConstantExpression { Value: int i })
        {
            index = i;
            return true;
        }
        index = -1;
        return false;
    }
}
