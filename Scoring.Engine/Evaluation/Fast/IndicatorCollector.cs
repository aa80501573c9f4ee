using System.Linq.Expressions;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>Every indicator a criterion tree reads (its <see cref="FastMarkers"/>), in index order.</summary>
internal sealed class IndicatorCollector : ExpressionVisitor
{
    private readonly SortedSet<int> _indices = [];

    public static int[] Collect(Expression tree)
    {
        var collector = new IndicatorCollector();
        collector.Visit(tree);
        return [.. collector._indices];
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (FastMarkers.IsIndicator(node, out var k) || FastMarkers.IsPresent(node, out k))
        {
            _indices.Add(k);
        }
        return base.VisitMethodCall(node);
    }
}
