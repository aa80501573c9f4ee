namespace Scoring.Host.Council;

/// <summary>
/// The appraiser's finding on one proposal: <c>action</c> is <c>confirm</c> or <c>adjust</c>; an adjustment names the form
/// now proposed (<c>award</c>, an award id of the run's pinned rule set) or none, which withdraws the proposal. A written
/// <c>reason</c> is required either way.
/// </summary>
public sealed record AppraisalRequest(string? Action, string? Award, string? Reason);
