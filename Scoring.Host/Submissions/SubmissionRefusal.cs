namespace Scoring.Host.Submissions;

/// <summary>
/// Why a submission change was refused, nothing written: the HTTP status the API answers with, the Vietnamese reason and
/// any structured detail (the offending values, the declared indicators).
/// </summary>
internal sealed record SubmissionRefusal(int Status, string Detail, IDictionary<string, object?>? Extensions = null);
