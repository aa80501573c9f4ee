using NodaTime;

namespace Scoring.Host.RuleSets;

/// <summary>A published rule-set version: immutable, stored with the SHA-256 of its canonical JSON.</summary>
internal sealed class RuleSetVersion
{
    public long Id { get; set; }

    public required string RuleSetId { get; set; }

    public required string Version { get; set; }

    public required string Tenant { get; set; }

    public required string Title { get; set; }

    public required string Sha256 { get; set; }

    public required string Json { get; set; }

    public Instant PublishedAt { get; set; }

    public required string PublishedBy { get; set; }
}
