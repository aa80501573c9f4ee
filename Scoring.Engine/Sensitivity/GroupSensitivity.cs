using System.Collections.Immutable;

namespace Scoring.Engine.Sensitivity;

/// <summary>
/// A cluster or bloc: its leader with the rule set's own points, in how many samples that unit still led, its units
/// in ranking order, and the criteria that flipped the lead (most first).
/// </summary>
public sealed record GroupSensitivity(
    string Code,
    string Name,
    string? Leader,
    int LeaderKept,
    ImmutableArray<UnitSensitivity> Units,
    ImmutableArray<CriterionFlips> FlipCriteria);
