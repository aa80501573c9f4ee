using System.Collections.Immutable;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Sensitivity;

/// <summary>One rule set's groups, and its criteria by how often they flipped a group's leader (most first).</summary>
public sealed record RuleSetSensitivity(
    RuleSetIdentity RuleSet,
    string Title,
    int Year,
    ImmutableArray<GroupSensitivity> Groups,
    ImmutableArray<CriterionFlips> LeaderFlips);
