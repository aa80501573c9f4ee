namespace Scoring.Rules.Expressions;

/// <summary>An error in an expression text; Column is 1-based within the expression text.</summary>
public sealed record ExpressionError(string Message, int Column, int Length);
