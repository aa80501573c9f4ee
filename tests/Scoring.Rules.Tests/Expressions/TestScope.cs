using System.Linq.Expressions;
using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

/// <summary>
/// A tiny scope: numbers and booleans as constants of the mode's type, plus optional presence flags.
/// Values are constants so a test compiles a parameterless lambda and reads the result.
/// </summary>
internal sealed class TestScope(NumericMode mode) : IExpressionScope
{
    private readonly Dictionary<string, (Expression Value, ValueKind Kind)> _values = [];
    private readonly Dictionary<string, bool> _presence = [];

    public NumericMode Mode { get; } = mode;

    public IEnumerable<string> KnownNames => _values.Keys;

    public TestScope Number(string name, decimal value)
    {
        _values[name] = (Mode == NumericMode.Decimal ? Expression.Constant(value) : Expression.Constant((double)value), ValueKind.Number);
        return this;
    }

    public TestScope Boolean(string name, bool value)
    {
        _values[name] = (Expression.Constant(value), ValueKind.Boolean);
        return this;
    }

    /// <summary>Declares a name as possibly missing; when missing its value is never read (the ?? fallback is).</summary>
    public TestScope Optional(string name, bool present)
    {
        _presence[name] = present;
        return this;
    }

    public bool TryResolve(string name, out Expression expression, out ValueKind kind)
    {
        if (_values.TryGetValue(name, out var entry))
        {
            (expression, kind) = entry;
            return true;
        }
        expression = null!;
        kind = default;
        return false;
    }

    public bool TryResolvePresence(string name, out Expression isPresent)
    {
        if (_presence.TryGetValue(name, out var present))
        {
            isPresent = Expression.Constant(present);
            return true;
        }
        isPresent = null!;
        return false;
    }
}
