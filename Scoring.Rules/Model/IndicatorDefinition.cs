namespace Scoring.Rules.Model;

/// <summary>A typed value each unit has for a year, declared once per rule set.</summary>
/// <param name="Default">Value used when the unit did not submit one; null means "missing" (criteria reading it score 0).</param>
/// <param name="Path">JSON path of the declaration, for messages.</param>
public sealed record IndicatorDefinition(
    string Id,
    string Title,
    IndicatorType Type,
    decimal? Min,
    decimal? Max,
    IndicatorSource Source,
    bool EvidenceRequired,
    string? Unit,
    IndicatorValue? Default,
    string Path);
