using NodaTime.Text;

namespace Scoring.Host.Council;

/// <summary>An award proposal with what has been recorded on it: every appraisal (oldest first), the decision in force, any revocation.</summary>
internal sealed record ProposalReview(AwardEntry Entry, IReadOnlyList<AwardAppraisal> Appraisals, CouncilDecision? Decision, AwardRevocation? Revocation)
{
    public AwardAppraisal? Appraisal => Appraisals.Count == 0 ? null : Appraisals[^1];

    /// <summary>The form after the latest appraisal: the engine's proposal, the adjusted form, or null when withdrawn.</summary>
    public string? FinalAward => Appraisal is { Confirmed: false } a ? a.Award : Entry.Award;

    public string? FinalAwardTitle => Appraisal is { Confirmed: false } a ? a.AwardTitle : Entry.AwardTitle;

    public string Status =>
        Revocation is not null ? "revoked"
        : Decision is { Approved: true } ? "approved"
        : Decision is not null ? "rejected"
        : Appraisal is not null ? "appraised"
        : "awaiting-appraisal";

    public ProposalDto ToDto() => new(Entry.Id, Entry.Award, Entry.AwardTitle, Entry.UnitCode, Entry.UnitName, Entry.GroupCode, Entry.Rank, Entry.Total,
        Entry.TieAtCut, Entry.Reason, Status, FinalAward, FinalAwardTitle, [.. Appraisals.Select(ToDto)], DecisionDto, RevocationDto);

    public CouncilDecisionDto? DecisionDto => Decision is { } d
        ? new CouncilDecisionDto(d.Approved, d.VotesFor, d.VotesAgainst, d.DecisionNumber, LocalDatePattern.Iso.Format(d.DecisionDate))
        : null;

    public RevocationDto? RevocationDto => Revocation is { } r
        ? new RevocationDto(r.Reason, r.DecisionNumber, LocalDatePattern.Iso.Format(r.DecisionDate))
        : null;

    public AppraisalDto? AppraisalDto => Appraisal is { } a ? ToDto(a) : null;

    private static AppraisalDto ToDto(AwardAppraisal a) =>
        new(a.Confirmed, a.Confirmed ? null : a.Award, a.Confirmed ? null : a.AwardTitle, a.Reason, InstantPattern.ExtendedIso.Format(a.AppraisedAt));
}
