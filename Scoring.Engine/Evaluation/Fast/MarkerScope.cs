using System.Collections.Immutable;
using System.Linq.Expressions;
using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// Resolves indicator names to <see cref="FastMarkers"/> calls (decimal numbers, booleans as value != 0), and
/// <c>year</c> to the scoring year the kernel is compiled for (unresolved without one: the rule set is then scored exactly).
/// </summary>
internal sealed class MarkerScope(ImmutableArray<IndicatorDefinition> indicators, int? year = null) : IExpressionScope
{
    private readonly Dictionary<string, int> _index =
        indicators.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    public bool TryResolve(string name, out Expression expression, out ValueKind kind)
    {
        if (!_index.TryGetValue(name, out var i))
        {
            kind = ValueKind.Number;
            if (name == "year" && year is { } y)
            {
                expression = Expression.Constant((decimal)y);
                return true;
            }
            expression = Expression.Empty();
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
