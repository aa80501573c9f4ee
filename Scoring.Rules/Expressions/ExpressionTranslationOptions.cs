using System.Linq.Expressions;

namespace Scoring.Rules.Expressions;

/// <summary>
/// Hooks for callers that need to shape the generated tree, chiefly the guarded double fast path:
/// each hook, when set, builds the node instead of the default and receives operands already in the mode's type.
/// </summary>
public sealed record ExpressionTranslationOptions
{
    /// <summary>The default options: no hooks, arithmetic exceptions wrapped.</summary>
    public static ExpressionTranslationOptions Default { get; } = new();

    /// <summary>
    /// Builds every numeric comparison (<c>&lt; &lt;= &gt; &gt;= == !=</c>, and the zero test inside <c>Ratio</c>).
    /// Receives the <see cref="ExpressionType"/> (LessThan, LessThanOrEqual, GreaterThan, GreaterThanOrEqual, Equal,
    /// NotEqual) and both operands; must return a bool expression.
    /// </summary>
    public Func<ExpressionType, Expression, Expression, Expression>? ComparisonRewriter { get; init; }

    /// <summary>
    /// Builds every <c>Round</c> call: receives the operand and the digits (null for <c>Round(x)</c>, meaning 0);
    /// must return an expression of the mode's number type rounding half away from zero.
    /// </summary>
    public Func<Expression, int?, Expression>? RoundRewriter { get; init; }

    /// <summary>Builds every <c>Floor</c> call (the operand in, a number of the mode's type out).</summary>
    public Func<Expression, Expression>? FloorRewriter { get; init; }

    /// <summary>Builds every <c>Ceiling</c> call (the operand in, a number of the mode's type out).</summary>
    public Func<Expression, Expression>? CeilingRewriter { get; init; }

    /// <summary>
    /// When true (the default) the body catches <see cref="DivideByZeroException"/> and <see cref="OverflowException"/>
    /// and throws <see cref="RuleEvaluationException"/> instead. Set false when the caller wraps the tree itself.
    /// </summary>
    public bool WrapArithmeticExceptions { get; init; } = true;
}
