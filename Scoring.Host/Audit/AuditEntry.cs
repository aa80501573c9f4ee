using NodaTime;

namespace Scoring.Host.Audit;

/// <summary>One write: who, when, what, and the SHA-256 of the state before and after (null when absent).</summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }

    public Instant At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string Entity { get; set; }

    public required string EntityKey { get; set; }

    public string? BeforeSha256 { get; set; }

    public string? AfterSha256 { get; set; }
}
