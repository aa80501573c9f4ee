namespace Scoring.Host.Units;

/// <summary>A unit; dates are ISO local dates ("2025-07-01") or null.</summary>
public sealed record UnitDto(string Code, string Name, string Kind, string? ValidFrom, string? ValidTo, string? Successor);
