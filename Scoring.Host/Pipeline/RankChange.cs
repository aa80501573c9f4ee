namespace Scoring.Host.Pipeline;

/// <summary>
/// How one unit's outcome differs between two rule sets on the same data; a side is null when the unit was not
/// ranked under that rule set. Grade and total are shown for context. A tie at the cut means the award's quota was
/// reached by units with equal rank: the proposal stands, flagged for the council to vote.
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
    string? NewAward,
    bool OldTieAtCut,
    bool NewTieAtCut)
{
    public bool RankChanged => OldRank != NewRank || OldTied != NewTied;

    /// <summary>Another award, or the same award now (or no longer) decided by a council vote at the cut.</summary>
    public bool AwardChanged => !string.Equals(OldAward, NewAward, StringComparison.Ordinal) || OldTieAtCut != NewTieAtCut;
}
