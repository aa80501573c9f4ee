namespace Scoring.Rules.Expressions;

/// <summary>The CLR type numbers are computed in: exact decimal (the reference) or double (the fast path, guarded).</summary>
public enum NumericMode
{
    Decimal,
    Double,
}
