using NodaTime;

namespace Scoring.Host.Runs;

/// <summary>
/// A scoring run of a tenant/year/scope with a pinned rule-set version. Unique per
/// (tenant, year, scope, rule-set hash, inputs hash): the same run is never stored twice.
/// </summary>
internal sealed class ScoringRun
{
    /// <summary>The scope of a run that covers every group of its year.</summary>
    public const string AllGroupsScope = "all";

    public long Id { get; set; }

    public required string TenantCode { get; set; }

    public int Year { get; set; }

    /// <summary><see cref="AllGroupsScope"/> or the sorted group codes joined by commas.</summary>
    public required string Scope { get; set; }

    public long RuleSetVersionId { get; set; }

    public required string RuleSetSha256 { get; set; }

    public required string InputsSha256 { get; set; }

    /// <summary>The frozen inputs (canonical JSON) the run scores.</summary>
    public required string InputsJson { get; set; }

    public RunStatus Status { get; set; }

    public int Progress { get; set; }

    public int Total { get; set; }

    public string? Error { get; set; }

    /// <summary>The full engine result as JSON, written in the same transaction as the result rows.</summary>
    public string? ResultJson { get; set; }

    public string? ResultSha256 { get; set; }

    public Instant CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public Instant? StartedAt { get; set; }

    public Instant? CompletedAt { get; set; }

    public Instant? PublishedAt { get; set; }

    public int Concurrency { get; set; }
}
