namespace Scoring.Host.Submissions;

/// <summary>
/// The result of saving a submission's values: the saved submission (<see cref="Created"/> on its first revision), the
/// remembered answer replayed for a repeated <c>Idempotency-Key</c>, or a refusal.
/// </summary>
internal sealed record SubmissionSaveOutcome(SubmissionDto? Saved, bool Created, string? ETag, IdempotencyRecord? Replayed, SubmissionRefusal? Refusal)
{
    public static SubmissionSaveOutcome Stored(SubmissionDto dto, bool created, string etag) => new(dto, created, etag, null, null);

    public static SubmissionSaveOutcome Replay(IdempotencyRecord record) => new(null, false, record.ETag, record, null);

    public static SubmissionSaveOutcome Refused(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        new(null, false, null, null, new SubmissionRefusal(status, detail, extensions));

    public static SubmissionSaveOutcome Refused(SubmissionRefusal refusal) => new(null, false, null, null, refusal);
}
