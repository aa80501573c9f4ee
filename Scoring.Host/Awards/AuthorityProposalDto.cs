namespace Scoring.Host.Awards;

/// <summary>
/// One proposal in an authority's list: the tenant whose run proposed it (another tenant's for a commune's proposal of
/// a provincial form), the published run, the award, the unit and its place in its group.
/// </summary>
public sealed record AuthorityProposalDto(
    string FromTenant, long Run, string RuleSet, string Award, string AwardTitle, string Unit, string Name, string Group, int Rank, decimal Total, bool TieAtCut);
