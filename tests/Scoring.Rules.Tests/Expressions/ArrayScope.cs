using System.Linq.Expressions;
using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

/// <summary>
/// A scope reading numbers from a <c>decimal[]</c> parameter, as an engine does: one compiled delegate, many inputs.
/// </summary>
internal sealed class ArrayScope(params string[] names) : IExpressionScope
{
    public ParameterExpression Values { get; } = Expression.Parameter(typeof(decimal[]), "values");

    public IEnumerable<string> KnownNames => names;

    public bool TryResolve(string name, out Expression expression, out ValueKind kind)
    {
        var index = Array.IndexOf(names, name);
        kind = ValueKind.Number;
        expression = index >= 0 ? Expression.ArrayIndex(Values, Expression.Constant(index)) : null!;
        return index >= 0;
    }

    public bool TryResolvePresence(string name, out Expression isPresent)
    {
        isPresent = null!;
        return false;
    }

    public Func<decimal[], T> Compile<T>(string source, ValueKind expected)
    {
        var translation = RuleExpressionCompiler.Translate(source, this, NumericMode.Decimal, expected);
        Assert.That(translation.Errors, Is.Empty);
        return Expression.Lambda<Func<decimal[], T>>(translation.Body!, Values).Compile();
    }
}
