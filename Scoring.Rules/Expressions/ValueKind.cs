namespace Scoring.Rules.Expressions;

/// <summary>The two kinds of value an expression can have. Dates are not values in expressions (use the deadline method).</summary>
public enum ValueKind
{
    Number,
    Boolean,
}
