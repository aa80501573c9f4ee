namespace Scoring.Host.Reviews;

/// <summary>A unit a review knows: dissolved in the review year or not, and the unit it was merged into.</summary>
internal sealed record ReviewUnit(string Code, string Name, string Kind, bool Dissolved, string? Successor);
