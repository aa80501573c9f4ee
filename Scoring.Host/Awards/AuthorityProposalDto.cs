namespace Scoring.Host.Awards;

/// <summary>
/// One proposal in an authority's list: the tenant whose run proposed it (another tenant's for a commune's proposal of
/// a provincial form), the published run, the award, the unit and its place in its group, and what the appraisal, the
/// emulation council and any later revocation made of it (<c>status</c>, <c>appraisal</c>, <c>decision</c>, <c>revocation</c>).
/// </summary>
public sealed record AuthorityProposalDto(
    string FromTenant, long Run, string RuleSet, string Award, string AwardTitle, string Unit, string Name, string Group, int Rank, decimal Total, bool TieAtCut,
    string Status, AppraisalDto? Appraisal, CouncilDecisionDto? Decision, RevocationDto? Revocation);
