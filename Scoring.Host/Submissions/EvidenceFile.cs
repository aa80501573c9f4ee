using NodaTime;

namespace Scoring.Host.Submissions;

/// <summary>An evidence document (minh chứng) attached to a submission, with its hash.</summary>
internal sealed class EvidenceFile
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    /// <summary>The indicator this file proves, or null for the report as a whole.</summary>
    public string? Indicator { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public Instant UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}
