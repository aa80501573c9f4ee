using System.Collections.Immutable;
using Scoring.Engine.Results;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Reviews;

/// <summary>
/// A phase review: per group and across the tenant (<see cref="Tenant"/>, every unit once, ranked on the same keys),
/// and the phase award proposals. Serialised byte-identically by <see cref="PhaseReviewJson"/>.
/// </summary>
public sealed record PhaseReviewResult(
    RuleSetIdentity RuleSet,
    string Phase,
    string Title,
    int From,
    int To,
    ImmutableArray<PhaseGroupResult> Groups,
    ImmutableArray<PhaseUnitResult> Tenant,
    ImmutableArray<AwardProposal> Awards,
    ImmutableArray<string> Notes);
