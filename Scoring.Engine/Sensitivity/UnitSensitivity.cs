namespace Scoring.Engine.Sensitivity;

/// <summary>
/// A unit in one group: its rank and award with the rule set's own points, in how many samples it kept that rank and
/// that award (no award counts as an award kept when it stays without one), and the best and worst rank it reached.
/// </summary>
public sealed record UnitSensitivity(string Code, string Name, int Rank, string? Award, int RankKept, int AwardKept, int BestRank, int WorstRank);
