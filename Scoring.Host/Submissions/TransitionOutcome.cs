namespace Scoring.Host.Submissions;

/// <summary>The result of a workflow transition: the changed submission, or the HTTP status and Vietnamese reason of a refusal.</summary>
internal sealed record TransitionOutcome(Submission? Submission, int Status, string? Error)
{
    public static TransitionOutcome Refused(int status, string error) => new(null, status, error);
}
