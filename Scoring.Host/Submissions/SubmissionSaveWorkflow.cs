using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Submissions;

/// <summary>
/// Saving a submission's values, for the API's PUT and PATCH and the unit's report page: who may edit, the
/// <c>Idempotency-Key</c> replay, the values' checks (all in <see cref="SubmissionValueRules"/>), <c>If-Match</c> once the
/// submission exists, editable only in draft or returned, then one append-only revision, audited, in one transaction.
/// </summary>
internal sealed class SubmissionSaveWorkflow(ScoringDbContext db, SubmissionValueRules rules, AuditTrail audit, IClock clock)
{
    /// <summary>Creates the submission or appends a revision; <paramref name="idempotencyKey"/> and <paramref name="ifMatch"/> are the headers' values ("" when absent).</summary>
    public async Task<SubmissionSaveOutcome> SaveAsync(Actor actor, RevisionRequest request, string idempotencyKey, string ifMatch, CancellationToken ct)
    {
        var (tenant, year, unit, sent, merge) = request;
        if (!AccessGuard.CanEditSubmission(actor, tenant, unit))
        {
            return SubmissionSaveOutcome.Refused(StatusCodes.Status403Forbidden, $"Bạn không được sửa hồ sơ của đơn vị '{unit}'.");
        }

        var requestHash = ContentHash.Of($"{(merge ? "PATCH" : "PUT")} {tenant}/{year}/{unit} " + JsonSerializer.Serialize(new SortedDictionary<string, string?>(sent ?? [], StringComparer.Ordinal)));
        var principal = $"{actor.Role}:{actor.Name}";
        if (idempotencyKey.Length > 0 && await ReplayAsync(principal, idempotencyKey, requestHash, ct) is { } replay)
        {
            return replay;
        }

        if (await rules.CheckSentAsync(tenant, year, unit, sent, merge, ct) is { } refused)
        {
            return SubmissionSaveOutcome.Refused(refused);
        }

        var now = clock.GetCurrentInstant();
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.TenantCode == tenant && s.UnitCode == unit && s.Year == year, ct);
        if (submission is null && merge)
        {
            return SubmissionSaveOutcome.Refused(StatusCodes.Status404NotFound, $"Đơn vị '{unit}' chưa có hồ sơ năm {year}; hãy tạo hồ sơ bằng PUT với đầy đủ giá trị.");
        }

        object? before = null;
        var created = submission is null;
        IReadOnlyDictionary<string, string> current = new Dictionary<string, string>();
        if (submission is null)
        {
            submission = new Submission { TenantCode = tenant, UnitCode = unit, Year = year, Status = SubmissionStatus.Draft, UpdatedAt = now };
            db.Submissions.Add(submission);
        }
        else
        {
            if (Unchangeable(submission, ifMatch) is { } locked)
            {
                return SubmissionSaveOutcome.Refused(locked);
            }

            current = await SubmissionReader.CurrentValuesAsync(db, submission, ct);
            before = new { submission.Status, submission.CurrentRevision, values = current };
        }

        var values = Revised(merge ? current : null, sent!);
        if (SubmissionValueRules.CheckStored(values, unit, year) is { } empty)
        {
            return SubmissionSaveOutcome.Refused(empty);
        }

        submission.CurrentRevision++;
        submission.Concurrency++;
        submission.UpdatedAt = now;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            db.SubmissionRevisions.Add(new SubmissionRevision
            {
                SubmissionId = submission.Id, Number = submission.CurrentRevision, ValuesJson = JsonSerializer.Serialize(values), CreatedAt = now, CreatedBy = principal,
            });
            audit.Record(db, actor, created ? "submission.create" : "submission.revise", "submission", $"{tenant}/{year}/{unit}", before,
                new { submission.Status, submission.CurrentRevision, values });
            var dto = await SubmissionReader.ToDtoAsync(db, submission, ct, values);
            if (idempotencyKey.Length > 0)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Principal = principal, Key = idempotencyKey, RequestSha256 = requestHash, StatusCode = created ? StatusCodes.Status201Created : StatusCodes.Status200OK,
                    ResponseJson = JsonSerializer.Serialize(dto, JsonSerializerOptions.Web), ETag = submission.ETag, CreatedAt = now,
                });
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return SubmissionSaveOutcome.Stored(dto, created, submission.ETag);
        }
        catch (DbUpdateException)
        {
            // A concurrent request won: the same key (replay its answer) or another revision (412).
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (idempotencyKey.Length > 0 && await ReplayAsync(principal, idempotencyKey, requestHash, ct) is { } raced)
            {
                return raced;
            }

            return SubmissionSaveOutcome.Refused(StatusCodes.Status412PreconditionFailed, "Hồ sơ vừa được thay đổi đồng thời; hãy tải lại rồi sửa tiếp.");
        }
    }

    /// <summary>An existing submission is changed only with the current ETag (428 without, 412 stale) and only in draft or returned (409).</summary>
    private static SubmissionRefusal? Unchangeable(Submission submission, string ifMatch)
    {
        if (ifMatch.Length == 0)
        {
            return new SubmissionRefusal(StatusCodes.Status428PreconditionRequired, "Hồ sơ đã có: gửi kèm If-Match với ETag vừa đọc để tránh ghi đè thay đổi của người khác.");
        }

        if (ifMatch != submission.ETag && ifMatch != "*")
        {
            return new SubmissionRefusal(StatusCodes.Status412PreconditionFailed, "Hồ sơ đã được người khác thay đổi; hãy tải lại rồi sửa tiếp.");
        }

        return submission.Status is SubmissionStatus.Draft or SubmissionStatus.Returned
            ? null
            : new SubmissionRefusal(StatusCodes.Status409Conflict, $"Hồ sơ đang ở trạng thái '{SubmissionReader.StatusText(submission.Status)}', không sửa được.");
    }

    /// <summary>The values the revision stores: those sent over the current ones (PATCH) or alone (PUT); a null removes an indicator.</summary>
    private static SortedDictionary<string, string> Revised(IReadOnlyDictionary<string, string>? current, Dictionary<string, string?> sent)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (indicator, value) in current ?? new Dictionary<string, string>())
        {
            values[indicator] = value;
        }

        foreach (var (indicator, value) in sent)
        {
            if (value is null)
            {
                values.Remove(indicator);
            }
            else
            {
                values[indicator] = value;
            }
        }

        return values;
    }

    private async Task<SubmissionSaveOutcome?> ReplayAsync(string principal, string key, string requestHash, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Principal == principal && r.Key == key, ct);
        if (record is null)
        {
            return null;
        }

        return record.RequestSha256 == requestHash
            ? SubmissionSaveOutcome.Replay(record)
            : SubmissionSaveOutcome.Refused(StatusCodes.Status422UnprocessableEntity, $"Idempotency-Key '{key}' đã được dùng cho một yêu cầu khác; hãy dùng khóa mới.");
    }
}
