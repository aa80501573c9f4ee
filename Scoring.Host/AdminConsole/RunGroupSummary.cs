namespace Scoring.Host.AdminConsole;

/// <summary>One group of a completed run as the console shows it before and after publication: its name and ranked units.</summary>
internal sealed record RunGroupSummary(string Code, string Name, IReadOnlyList<LeaderboardEntry> Ranking);
