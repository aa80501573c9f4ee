using System.Collections.Immutable;

namespace Scoring.Engine.Reviews;

/// <summary>
/// A unit's published (or computed) result of one year of the phase: total, grade, award, and the numeric indicator
/// values the phase's <c>sum</c> measures read.
/// </summary>
public sealed record YearOutcome(
    string UnitCode,
    int Year,
    decimal Total,
    string? Grade,
    string? Award,
    ImmutableDictionary<string, decimal> Numbers);
