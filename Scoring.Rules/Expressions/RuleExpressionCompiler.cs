using System.Collections.Immutable;
using System.Globalization;
using System.Linq.Expressions;

namespace Scoring.Rules.Expressions;

/// <summary>
/// Translates a C#-syntax expression into a System.Linq.Expressions tree over a whitelist.
/// PLACEHOLDER: handles only a bare identifier or a number literal until the Roslyn translator lands.
/// </summary>
public static class RuleExpressionCompiler
{
    /// <summary>Translate <paramref name="source"/>; numbers are computed in <paramref name="mode"/>'s type.</summary>
    public static ExpressionTranslation Translate(string source, IExpressionScope scope, NumericMode mode, ValueKind expected)
    {
        var text = source.Trim();
        var numberType = mode == NumericMode.Decimal ? typeof(decimal) : typeof(double);
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            Expression constant = mode == NumericMode.Decimal ? Expression.Constant(number) : Expression.Constant((double)number);
            return new(constant, ValueKind.Number, []);
        }
        if (scope.TryResolve(text, out var resolved, out var kind))
        {
            return new(resolved, kind, []);
        }
        _ = numberType;
        return new(null, expected, [new ExpressionError($"'{text}' is not supported yet.", 1, text.Length)]);
    }

    /// <summary>The identifiers an expression reads, in order of first use (for missing-value handling and lint).</summary>
    public static ExpressionInfo Analyze(string source) =>
        decimal.TryParse(source.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? new([], [])
            : new([source.Trim()], []);
}
