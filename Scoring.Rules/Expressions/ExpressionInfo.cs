using System.Collections.Immutable;

namespace Scoring.Rules.Expressions;

/// <summary>
/// The identifiers an expression reads. Required ones make the criterion "not submitted" when missing;
/// Optional ones appear only as the left operand of <c>??</c>, which supplies the fallback.
/// </summary>
public sealed record ExpressionInfo(ImmutableArray<string> Required, ImmutableArray<string> Optional);
