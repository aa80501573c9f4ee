using Scoring.Rules.Model;

namespace Scoring.Engine.Compilation;

/// <summary>An award rule with its optional eligibility expression compiled.</summary>
internal sealed record CompiledAward(AwardRule Award, CompiledExpression? Eligibility);
