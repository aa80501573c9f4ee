using Scoring.Rules.Model;

namespace Scoring.Engine.Model;

/// <summary>A unit to score with its values for the year. Dissolved units are scored and ranked but never proposed for an award.</summary>
public sealed record UnitRecord(
    string Code,
    string Name,
    string Kind,
    bool Dissolved,
    IReadOnlyDictionary<string, IndicatorValue> Values);
