namespace Scoring.Host.Runs;

/// <summary>
/// One award proposal of a run: the award id and title, the unit, its group, rank and total, and whether it ties with the
/// first unit cut by the quota (<c>tieAtCut</c>: the council votes). <c>reason</c> is Vietnamese. <c>authority</c> is who decides
/// the form (<c>provincial-chairman</c>, …; null when the pinned rule set names none), <c>authorityTenant</c> the tenant it sits in.
/// <c>id</c> addresses the proposal in the council endpoints; <c>status</c> (<c>awaiting-appraisal</c>, <c>appraised</c>, <c>approved</c>,
/// <c>rejected</c>, <c>revoked</c>), the latest <c>appraisal</c>, the council's <c>decision</c> and any <c>revocation</c> travel with it.
/// </summary>
public sealed record AwardEntryDto(string Award, string AwardTitle, string Unit, string Name, string Group, int Rank, decimal Total, bool TieAtCut, string Reason,
    string? Authority, string AuthorityTitle, string? AuthorityTenant, long Id, string Status, AppraisalDto? Appraisal, CouncilDecisionDto? Decision,
    RevocationDto? Revocation);
