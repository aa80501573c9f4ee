namespace Scoring.Host.Submissions;

/// <summary>The submission workflow: draft → submitted → reviewed or returned (with comments) → locked.</summary>
internal enum SubmissionStatus
{
    Draft,
    Submitted,
    Returned,
    Reviewed,
    Locked,
}
