namespace Scoring.Host.Council;

/// <summary>A published award's revocation: the reason, the revoking decision's number and date (yyyy-MM-dd).</summary>
public sealed record RevocationDto(string Reason, string Number, string Date);
