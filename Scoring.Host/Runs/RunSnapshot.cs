using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Runs;

/// <summary>
/// What the audit log hashes of a run before and after a transition: its status, result hash, publication time and error.
/// Each transition's "after" is the next one's "before", so the chain of a run's entries can be checked.
/// </summary>
internal sealed record RunSnapshot(string Status, string? ResultSha256, string? PublishedAt, string? Error)
{
    public static RunSnapshot Of(ScoringRun run) => new(run.Status.ToString(), run.ResultSha256, Format(run.PublishedAt), run.Error);

    public static string? Format(Instant? at) => at is { } value ? InstantPattern.ExtendedIso.Format(value) : null;

    public RunSnapshot With(RunStatus status) => this with { Status = status.ToString() };
}
