using NodaTime;

namespace Scoring.Host.Submissions;

/// <summary>A unit's indicator values for one year. Values live in append-only revisions; this row is the head.</summary>
internal sealed class Submission
{
    public long Id { get; set; }

    public required string TenantCode { get; set; }

    public required string UnitCode { get; set; }

    public int Year { get; set; }

    public SubmissionStatus Status { get; set; }

    public int CurrentRevision { get; set; }

    public Instant? SubmittedAt { get; set; }

    /// <summary>Set on submit: the submission came after the end of the movement's local deadline day.</summary>
    public bool Late { get; set; }

    public string? Comments { get; set; }

    public Instant UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token; also the ETag.</summary>
    public int Concurrency { get; set; }

    public string ETag => $"\"{Id}-{Concurrency}\"";
}
