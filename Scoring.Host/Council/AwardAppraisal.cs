using NodaTime;

namespace Scoring.Host.Council;

/// <summary>
/// One appraisal of an award proposal by the Department of Home Affairs (Sở Nội vụ): confirmed as proposed, or adjusted to
/// another form of the pinned rule set (<see cref="Award"/>) or withdrawn (adjusted with no award), always with a written
/// reason. Append-only (schema 0013): the latest counts until the run is published, the earlier ones stay on the card.
/// </summary>
internal sealed class AwardAppraisal
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public long AwardEntryId { get; set; }

    public bool Confirmed { get; set; }

    /// <summary>For an adjustment: the form now proposed; null when the proposal is withdrawn (and on a confirmation).</summary>
    public string? Award { get; set; }

    public string? AwardTitle { get; set; }

    public required string Reason { get; set; }

    public required string AppraisedBy { get; set; }

    public Instant AppraisedAt { get; set; }
}
