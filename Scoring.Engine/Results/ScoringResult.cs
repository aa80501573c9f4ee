using System.Collections.Immutable;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Results;

/// <summary>The immutable outcome of one scoring pass; same request, same rule set → byte-identical JSON.</summary>
public sealed record ScoringResult(RuleSetIdentity RuleSet, int Year, ImmutableArray<GroupResult> Groups, ImmutableArray<AwardProposal> Awards);
