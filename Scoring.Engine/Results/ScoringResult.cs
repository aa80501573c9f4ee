using System.Collections.Immutable;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Results;

/// <summary>The immutable outcome of one scoring pass; same request, same rule set → byte-identical JSON.</summary>
/// <param name="RuleSet">The identity of the rule set used.</param>
/// <param name="Year">The scoring year.</param>
/// <param name="Groups">Every group, ordered by code (ordinal), each with its ranking.</param>
/// <param name="Awards">Award proposals: by award precedence (highest first), then group, rank and unit code.</param>
public sealed record ScoringResult(RuleSetIdentity RuleSet, int Year, ImmutableArray<GroupResult> Groups, ImmutableArray<AwardProposal> Awards)
{
    /// <summary>
    /// Notes about the request (Vietnamese): group members without data, units of another kind, units in no group.
    /// </summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>The rule set's precision: decimals of points, and of percentages in explanations.</summary>
    public int Precision { get; init; } = 2;
}
