namespace Scoring.Engine.Results;

/// <summary>An input a criterion used: the indicator id (or a derived name such as "groupBest") and its value as text; null = missing.</summary>
public sealed record UsedValue(string Name, string? Value);
