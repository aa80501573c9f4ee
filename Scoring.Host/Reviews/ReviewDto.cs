using NodaTime.Text;

namespace Scoring.Host.Reviews;

/// <summary>A phase review's status, its years, the pinned yearly runs (with rule-set versions and hashes) and its result hash.</summary>
internal sealed record ReviewDto(
    long Id,
    string Tenant,
    string Phase,
    int From,
    int To,
    string Status,
    string? Error,
    string InputsSha256,
    string? ResultSha256,
    IReadOnlyList<ReviewYearRun> Runs,
    string CreatedAt,
    string? CompletedAt,
    string? PublishedAt)
{
    public static ReviewDto Of(PhaseReviewRecord r) => new(
        r.Id, r.TenantCode, r.Phase, r.FromYear, r.ToYear, r.Status.ToString().ToLowerInvariant(), r.Error, r.InputsSha256, r.ResultSha256,
        RunJson.Deserialize<ReviewInputs>(r.InputsJson).Runs, InstantPattern.ExtendedIso.Format(r.CreatedAt),
        r.CompletedAt is { } c ? InstantPattern.ExtendedIso.Format(c) : null, r.PublishedAt is { } p ? InstantPattern.ExtendedIso.Format(p) : null);
}
