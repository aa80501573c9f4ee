namespace Scoring.Host.Reviews;

/// <summary>The stored review (new or the identical one already stored), or the Vietnamese reason it was refused.</summary>
internal sealed record ReviewEnqueueOutcome(PhaseReviewRecord? Review, bool Created, string? Refusal)
{
    public static ReviewEnqueueOutcome Refused(string reason) => new(null, false, reason);
}
