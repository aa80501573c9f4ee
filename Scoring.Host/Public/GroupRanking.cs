namespace Scoring.Host.Public;

/// <summary>A cluster or bloc's ranking, taken from the latest published run that scored it.</summary>
internal sealed record GroupRanking(string Code, string Name, string Kind, long RunId, IReadOnlyList<RankingRow> Rows);
