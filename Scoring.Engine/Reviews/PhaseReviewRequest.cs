using System.Collections.Immutable;
using Scoring.Engine.Model;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Reviews;

/// <summary>
/// Everything one phase review needs: the rule set in force in the review year (its phase declaration, grades and
/// precision), the phase id, the review year's groups, every unit known, and the yearly outcomes of the phase's years.
/// </summary>
public sealed record PhaseReviewRequest(
    RuleSet RuleSet,
    RuleSetIdentity Identity,
    string PhaseId,
    ImmutableArray<GroupRecord> Groups,
    ImmutableArray<PhaseUnit> Units,
    ImmutableArray<YearOutcome> Outcomes);
