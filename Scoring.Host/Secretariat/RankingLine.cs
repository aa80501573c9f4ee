using Scoring.Engine.Results;

namespace Scoring.Host.Secretariat;

/// <summary>A unit on the group's ranking of a run, with the previous year's rank and total when a previous result exists.</summary>
internal sealed record RankingLine(int Rank, bool Tied, string Unit, string Name, decimal Total, string Grade, string? Award,
    int? PreviousRank, decimal? PreviousTotal, UnitScore Card)
{
    /// <summary>Places gained since last year (positive = moved up).</summary>
    public int? RankChange => PreviousRank is { } p ? p - Rank : null;

    public decimal? TotalChange => PreviousTotal is { } p ? Total - p : null;
}
