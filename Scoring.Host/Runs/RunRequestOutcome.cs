namespace Scoring.Host.Runs;

/// <summary>
/// The answer to a request for a run: the run (<see cref="Created"/> when new, otherwise the identical stored run) with the
/// rule-set version it scores, or the HTTP status and Vietnamese reason of a refusal, nothing enqueued.
/// </summary>
internal sealed record RunRequestOutcome(ScoringRun? Run, RuleSetVersion? RuleSet, bool Created, int Status, string? Error)
{
    public static RunRequestOutcome Refused(int status, string error) => new(null, null, false, status, error);
}
