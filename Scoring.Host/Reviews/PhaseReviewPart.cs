using System.Collections.Immutable;
using Scoring.Engine.Reviews;
using Scoring.Rules.Loading;

namespace Scoring.Host.Reviews;

/// <summary>The review of the units one rule set scores in the review year, and the yearly runs it counted.</summary>
internal sealed record PhaseReviewPart(RuleSetDocument Document, PhaseReviewResult Result, ImmutableArray<YearSource> Sources);
