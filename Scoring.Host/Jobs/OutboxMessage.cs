using NodaTime;

namespace Scoring.Host.Jobs;

/// <summary>A message waiting for delivery (e.g. a deadline reminder). No mail server: it stays here for an operator or a relay.</summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }

    public Instant CreatedAt { get; set; }

    public required string Kind { get; set; }

    public required string TenantCode { get; set; }

    public required string Recipient { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>Unique: for reminders <c>reminder:{tenant}:{year}:{unit}:{offset}d</c>, one per unit, year and offset however often the job fires.</summary>
    public required string DedupKey { get; set; }
}
