using NodaTime;

namespace Scoring.Host.Submissions;

/// <summary>One revision of a submission's values (JSON object indicator → value text). Never updated.</summary>
internal sealed class SubmissionRevision
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    public int Number { get; set; }

    public required string ValuesJson { get; set; }

    public Instant CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
