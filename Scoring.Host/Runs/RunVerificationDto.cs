namespace Scoring.Host.Runs;

/// <summary>The answer of <c>POST /api/runs/{id}/verify</c> (see docs/api.md).</summary>
internal sealed record RunVerificationDto(
    long RunId,
    bool Identical,
    string StoredFormat,
    string? ResultSha256,
    string ReplayedSha256,
    bool? OutcomesIdentical,
    string? Difference,
    string VerifiedAt,
    string VerifiedBy)
{
    public static RunVerificationDto From(RunVerification v, ScoringRun run) =>
        new(v.RunId, v.Identical, v.StoredFormat, run.ResultSha256, v.ReplayedSha256, v.OutcomesIdentical, v.Difference,
            NodaTime.Text.InstantPattern.ExtendedIso.Format(v.VerifiedAt), v.VerifiedBy);
}
