namespace Scoring.Host.RuleSets;

/// <summary>A unit scored by both versions whose rank or total moves.</summary>
public sealed record RankImpactDto(string Unit, string Name, string Group, int RankFrom, int RankTo, decimal TotalFrom, decimal TotalTo);
