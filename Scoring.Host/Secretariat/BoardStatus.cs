namespace Scoring.Host.Secretariat;

/// <summary>Where a member unit's report stands on the secretariat's board.</summary>
internal enum BoardStatus
{
    NotSubmitted,
    Late,
    Submitted,
    Returned,
    Locked,
}
