namespace Scoring.Host.Scoring;

/// <summary>
/// How one unit's outcome differs between two rule sets on the same data; a side is null when the unit was not
/// ranked under that rule set. Grade and total are shown for context.
/// </summary>
internal sealed record RankChange(
    string UnitCode,
    string UnitName,
    string Group,
    int? OldRank,
    bool OldTied,
    int? NewRank,
    bool NewTied,
    decimal? OldTotal,
    decimal? NewTotal,
    string? OldGrade,
    string? NewGrade,
    string? OldAward,
    string? NewAward)
{
    public bool RankChanged => OldRank != NewRank || OldTied != NewTied;

    public bool AwardChanged => !string.Equals(OldAward, NewAward, StringComparison.Ordinal);
}
