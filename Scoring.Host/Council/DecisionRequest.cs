namespace Scoring.Host.Council;

/// <summary>
/// The council's decision on one appraised proposal: <c>approved</c>; for a proposal tied at the quota's cut the secret
/// ballot (<c>votesFor</c>, <c>votesAgainst</c>); the decision's <c>number</c> (e.g. "125/QĐ-HĐTĐKT") and <c>date</c> (yyyy-MM-dd).
/// </summary>
public sealed record DecisionRequest(bool? Approved, int? VotesFor, int? VotesAgainst, string? Number, string? Date);
