namespace Scoring.Host.Caching;

/// <summary>One line of a group's published leaderboard.</summary>
public sealed record LeaderboardEntry(int Rank, string Unit, string Name, decimal Total, string Grade, string? Award);
