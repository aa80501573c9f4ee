namespace Scoring.Catalog.Tests.Golden;

/// <summary>A unit's expected place in its group: rank, total, grade and award (null = none), worked out by hand.</summary>
internal sealed record GoldenUnit(string Code, int Rank, decimal Total, string Grade, string? Award);
