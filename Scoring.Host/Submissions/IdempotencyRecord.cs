using NodaTime;

namespace Scoring.Host.Submissions;

/// <summary>The remembered answer to a request made with an Idempotency-Key, replayed when the key comes again.</summary>
internal sealed class IdempotencyRecord
{
    public long Id { get; set; }

    public required string Principal { get; set; }

    public required string Key { get; set; }

    public required string RequestSha256 { get; set; }

    public int StatusCode { get; set; }

    public required string ResponseJson { get; set; }

    public string? ETag { get; set; }

    public Instant CreatedAt { get; set; }
}
