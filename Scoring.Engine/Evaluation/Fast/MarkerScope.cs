using System.Collections.Immutable;
using System.Linq.Expressions;
using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>Resolves indicator names to <see cref="FastMarkers"/> calls (decimal numbers, booleans as value != 0).</summary>
internal sealed class MarkerScope(ImmutableArray<IndicatorDefinition> indicators) : IExpressionScope
{
    private readonly Dictionary<string, int> _index =
        indicators.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    public bool TryResolve(string name, out Expression expression, out ValueKind kind)
    {
        if (!_index.TryGetValue(name, out var i))
        {
            expression = Expression.Empty();
            kind = ValueKind.Number;
            return false;
        }
        if (indicators[i].Type == IndicatorType.Boolean)
        {
            expression = Expression.NotEqual(FastMarkers.IndicatorAt(i), Expression.Constant(0m));
            kind = ValueKind.Boolean;
        }
        else
        {
            expression = FastMarkers.IndicatorAt(i);
            kind = ValueKind.Number;
        }
        return true;
    }

    public bool TryResolvePresence(string name, out Expression isPresent)
    {
        if (!_index.TryGetValue(name, out var i))
        {
            isPresent = Expression.Constant(true);
            return false;
        }
        isPresent = FastMarkers.PresentAt(i);
        return true;
    }

    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;
}
