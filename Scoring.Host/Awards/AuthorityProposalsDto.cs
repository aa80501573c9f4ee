namespace Scoring.Host.Awards;

/// <summary>
/// The proposals one authority decides in a tenant for a year: <c>authority</c> is the format's word
/// (<c>provincial-chairman</c>, …; null for rule sets that name none), <c>authorityTitle</c> Vietnamese.
/// </summary>
public sealed record AuthorityProposalsDto(string? Authority, string AuthorityTitle, string Tenant, IReadOnlyList<AuthorityProposalDto> Proposals);
