namespace Scoring.Host.Council;

/// <summary>
/// One award proposal of a run with every appraisal (oldest first), the council's decision in force and any revocation.
/// <c>id</c> addresses the proposal in the appraisal, decision and revocation endpoints. <c>status</c>: <c>awaiting-appraisal</c>,
/// <c>appraised</c>, <c>approved</c>, <c>rejected</c>, <c>revoked</c>. <c>finalAward</c> is the form after the latest
/// appraisal (null when withdrawn).
/// </summary>
public sealed record ProposalDto(long Id, string Award, string AwardTitle, string Unit, string Name, string Group, int Rank, decimal Total, bool TieAtCut,
    string Reason, string Status, string? FinalAward, string? FinalAwardTitle, IReadOnlyList<AppraisalDto> Appraisals, CouncilDecisionDto? Decision,
    RevocationDto? Revocation);
