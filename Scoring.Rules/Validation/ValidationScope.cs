using System.Collections.Immutable;
using System.Linq.Expressions;
using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

/// <summary>
/// The names an expression may use while it is being checked: the declared indicators (number, percent and count as
/// numbers, boolean as a condition) plus any extra numbers (total, rank...). Date indicators are deliberately not
/// resolvable: the validator turns the compiler's error into "use the deadline method".
/// </summary>
internal sealed class ValidationScope : IExpressionScope
{
    private readonly ImmutableDictionary<string, IndicatorDefinition> indicators;
    private readonly ImmutableHashSet<string> extraNumbers;

    public ValidationScope(ImmutableDictionary<string, IndicatorDefinition> indicators, IEnumerable<string> extraNumbers)
    {
        this.indicators = indicators;
        this.extraNumbers = extraNumbers.ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every name the scope resolves (for suggestions).</summary>
    public IEnumerable<string> Names =>
        indicators.Values.Where(i => i.Type != IndicatorType.Date).Select(i => i.Id).Concat(extraNumbers);

    public IEnumerable<string> KnownNames => Names;

    public bool TryResolve(string name, out Expression expression, out ValueKind kind)
    {
        if (extraNumbers.Contains(name))
        {
            expression = Expression.Parameter(typeof(decimal), name);
            kind = ValueKind.Number;
            return true;
        }
        if (indicators.TryGetValue(name, out var indicator) && indicator.Type != IndicatorType.Date)
        {
            kind = indicator.Type == IndicatorType.Boolean ? ValueKind.Boolean : ValueKind.Number;
            expression = Expression.Parameter(kind == ValueKind.Boolean ? typeof(bool) : typeof(decimal), name);
            return true;
        }
        expression = Expression.Empty();
        kind = ValueKind.Number;
        return false;
    }

    public bool TryResolvePresence(string name, out Expression isPresent)
    {
        // Only indicators without a default can be missing.
        if (indicators.TryGetValue(name, out var indicator) && indicator.Type != IndicatorType.Date && indicator.Default is null)
        {
            isPresent = Expression.Parameter(typeof(bool), name + "_present");
            return true;
        }
        isPresent = Expression.Constant(true);
        return false;
    }
}
