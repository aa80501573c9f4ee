namespace Scoring.Engine.Results;

/// <summary>
/// One operation of an expression as it was evaluated for a unit, in evaluation order: the operator, its operands and
/// its exact result (comparisons: 1 when true, 0 when false).
/// </summary>
/// <param name="Operator">"+", "-", "*", "/", "%", "&lt;", "&lt;=", "&gt;", "&gt;=", "==", "!=", "min", "max", "abs", "floor", "ceiling", "round", "neg".</param>
/// <param name="Right">The second operand; null for one-operand functions.</param>
/// <param name="Format">
/// How to show left, right and result, one letter each: 'i' an input or a literal (exact), 'n' a computed number
/// (rounded to the rule set's precision), 'p' a rate (shown as a percentage at that precision).
/// </param>
/// <param name="Chained">The left operand is the previous step's result (renderers continue the same line of arithmetic).</param>
public sealed record ExpressionStep(string Operator, decimal Left, decimal? Right, decimal Value, string Format, bool Chained)
{
    /// <summary>Whether a comparison step held.</summary>
    public bool Holds => Value != 0m;
}
