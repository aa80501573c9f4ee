using System.Linq.Expressions;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>Binds <see cref="FastMarkers"/> to the decimal table: values[offset + k] and !missing[offset + k].</summary>
internal sealed class DecimalBinder(ParameterExpression values, ParameterExpression missing, ParameterExpression offset) : ExpressionVisitor
{
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (FastMarkers.IsIndicator(node, out var k))
        {
            return Expression.ArrayIndex(values, Expression.Add(offset, Expression.Constant(k)));
        }
        if (FastMarkers.IsPresent(node, out k))
        {
            return Expression.Not(Expression.ArrayIndex(missing, Expression.Add(offset, Expression.Constant(k))));
        }
        return base.VisitMethodCall(node);
    }
}
