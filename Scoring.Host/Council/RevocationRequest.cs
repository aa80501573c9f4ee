namespace Scoring.Host.Council;

/// <summary>The revocation of a published award: the <c>reason</c> and the revoking decision's <c>number</c> and <c>date</c> (yyyy-MM-dd).</summary>
public sealed record RevocationRequest(string? Reason, string? Number, string? Date);
