namespace Scoring.Rules.Model;

/// <summary>The total (sections + capped bonus − capped penalty) is clamped to [Min, Max].</summary>
public readonly record struct TotalLimits(decimal Min, decimal Max);
