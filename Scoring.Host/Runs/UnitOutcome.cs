namespace Scoring.Host.Runs;

/// <summary>A unit's place in its group; <see cref="CardJson"/> is the unit's card with explanations.</summary>
internal sealed record UnitOutcome(string Group, string Unit, string Name, int Rank, decimal Total, string Grade, string? Award, string CardJson);
