using NodaTime;

namespace Scoring.Host.Reviews;

/// <summary>
/// A phase review run by the service (<c>phase_reviews</c>): the tenant, the phase and its years, the frozen inputs that
/// pin the published yearly runs it counts (<see cref="ReviewInputs"/>), and, once executed, the canonical result JSON and
/// its SHA-256. Unique per (tenant, phase, inputs hash). Published once, atomically; a published review never changes.
/// </summary>
internal sealed class PhaseReviewRecord
{
    public long Id { get; set; }

    public required string TenantCode { get; set; }

    public required string Phase { get; set; }

    public int FromYear { get; set; }

    public int ToYear { get; set; }

    public required string InputsSha256 { get; set; }

    /// <summary>The frozen <see cref="ReviewInputs"/> as canonical JSON.</summary>
    public required string InputsJson { get; set; }

    public RunStatus Status { get; set; }

    public string? Error { get; set; }

    /// <summary>The review as the `review` verb's JSON writes it (one rule set: an object; several: an array).</summary>
    public string? ResultJson { get; set; }

    public string? ResultSha256 { get; set; }

    public Instant CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public Instant? StartedAt { get; set; }

    public Instant? CompletedAt { get; set; }

    public Instant? PublishedAt { get; set; }

    public int Concurrency { get; set; }
}
