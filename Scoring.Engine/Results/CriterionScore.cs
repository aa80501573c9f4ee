using System.Collections.Immutable;

namespace Scoring.Engine.Results;

/// <summary>
/// One criterion's outcome for one unit: the points, the values it used and why (Vietnamese text for units),
/// plus a machine-readable outcome code (e.g. "band:2", "missing", "late:3d").
/// </summary>
public sealed record CriterionScore(
    string Id,
    string Title,
    decimal Points,
    decimal MaxPoints,
    ImmutableArray<UsedValue> Values,
    string Outcome,
    string Reason);
