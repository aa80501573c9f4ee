using NodaTime;

namespace Scoring.Host.Council;

/// <summary>
/// The revocation of a published award, with its reason and the revoking decision's number and date. The published run and
/// its award list never change: the revocation is a row beside them (append-only, one per award, schema 0013), shown wherever
/// the award is.
/// </summary>
internal sealed class AwardRevocation
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public long AwardEntryId { get; set; }

    public required string Reason { get; set; }

    public required string DecisionNumber { get; set; }

    public LocalDate DecisionDate { get; set; }

    public required string RecordedBy { get; set; }

    public Instant RecordedAt { get; set; }
}
