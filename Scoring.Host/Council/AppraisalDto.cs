namespace Scoring.Host.Council;

/// <summary>
/// One appraisal: <c>confirmed</c>, or adjusted to <c>award</c> (null: withdrawn), with its reason and when (ISO instant).
/// </summary>
public sealed record AppraisalDto(bool Confirmed, string? Award, string? AwardTitle, string Reason, string At);
