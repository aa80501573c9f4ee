namespace Scoring.Engine.Reviews;

/// <summary>A unit a phase review knows: the review year's members and the units merged into them.</summary>
/// <param name="Dissolved">Dissolved in the review year: shown, never ranked or proposed.</param>
/// <param name="Successor">The unit it was merged into, if any (its yearly results then count for the successor).</param>
public sealed record PhaseUnit(string Code, string Name, string Kind, bool Dissolved, string? Successor);
