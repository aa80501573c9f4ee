using System.Collections.Immutable;
using System.Linq.Expressions;

namespace Scoring.Rules.Expressions;

/// <summary>The result of translating an expression: a LINQ expression body of the expected kind, or the errors.</summary>
public sealed record ExpressionTranslation(Expression? Body, ValueKind Kind, ImmutableArray<ExpressionError> Errors)
{
    public bool Succeeded => Body is not null && Errors.IsEmpty;
}
