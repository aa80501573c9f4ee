using NodaTime;

namespace Scoring.Host.Council;

/// <summary>
/// The emulation council's decision on one appraised proposal: approved or not, the secret ballot's count where the engine
/// flagged a tie at the quota's cut, and the decision's number and date. Append-only (schema 0013): a corrected entry is a
/// new row, and the latest counts until the run is published.
/// </summary>
internal sealed class CouncilDecision
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public long AwardEntryId { get; set; }

    public bool Approved { get; set; }

    public int? VotesFor { get; set; }

    public int? VotesAgainst { get; set; }

    public required string DecisionNumber { get; set; }

    public LocalDate DecisionDate { get; set; }

    public required string RecordedBy { get; set; }

    public Instant RecordedAt { get; set; }
}
