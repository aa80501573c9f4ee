using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Submissions;

/// <summary>
/// The submission workflow: the unit submits (lateness judged against the movement's local deadline), the secretariat of
/// its group reviews or returns it with comments, then locks it.
/// </summary>
internal sealed class SubmissionWorkflow(ScoringDbContext db, AuditTrail audit, IClock clock)
{
    /// <summary>The submission's API shape, read with this workflow's context.</summary>
    public Task<SubmissionDto> ToDtoAsync(Submission submission, CancellationToken ct) => SubmissionReader.ToDtoAsync(db, submission, ct);

    /// <summary>
    /// The transition itself, shared by the API and the secretariat's pages so both apply the same rules; on refusal the
    /// HTTP status and the Vietnamese reason, and nothing is changed.
    /// </summary>
    public async Task<TransitionOutcome> ApplyAsync(Actor actor, string tenant, int year, string unit, string? ifMatch, SubmissionStatus target, string? comments, CancellationToken ct)
    {
        var allowed = target == SubmissionStatus.Submitted
            ? AccessGuard.CanEditSubmission(actor, tenant, unit)
            : await AccessGuard.CanReviewAsync(db, actor, tenant, year, unit, ct);
        if (!allowed)
        {
            return TransitionOutcome.Refused(StatusCodes.Status403Forbidden, target == SubmissionStatus.Submitted
                ? $"Chỉ đơn vị '{unit}' được nộp hồ sơ của mình."
                : $"Chỉ thư ký cụm/khối của đơn vị '{unit}' được thẩm định, trả lại hoặc khóa hồ sơ.");
        }

        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.TenantCode == tenant && s.UnitCode == unit && s.Year == year, ct);
        if (submission is null)
        {
            return TransitionOutcome.Refused(StatusCodes.Status404NotFound, $"Đơn vị '{unit}' chưa có hồ sơ năm {year}.");
        }

        if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*" && ifMatch != submission.ETag)
        {
            return TransitionOutcome.Refused(StatusCodes.Status412PreconditionFailed, "Hồ sơ đã được người khác thay đổi; hãy tải lại.");
        }

        SubmissionStatus[] from = target switch
        {
            SubmissionStatus.Submitted => [SubmissionStatus.Draft, SubmissionStatus.Returned],
            SubmissionStatus.Reviewed => [SubmissionStatus.Submitted],
            SubmissionStatus.Returned => [SubmissionStatus.Submitted, SubmissionStatus.Reviewed],
            _ => [SubmissionStatus.Reviewed],
        };
        if (!from.Contains(submission.Status))
        {
            return TransitionOutcome.Refused(StatusCodes.Status409Conflict, $"Không thể chuyển hồ sơ từ '{SubmissionReader.StatusText(submission.Status)}' sang '{SubmissionReader.StatusText(target)}'.");
        }

        if (target == SubmissionStatus.Returned && string.IsNullOrWhiteSpace(comments))
        {
            return TransitionOutcome.Refused(StatusCodes.Status400BadRequest, "Trả lại hồ sơ phải kèm ý kiến (comments) để đơn vị biết cần sửa gì.");
        }

        var before = new { submission.Status, submission.SubmittedAt, submission.Late, submission.Comments };
        var now = clock.GetCurrentInstant();
        if (target == SubmissionStatus.Submitted)
        {
            // Lateness is judged once, on the first submission: re-submitting after a return (even after the deadline)
            // keeps the first time and its lateness. With several movements the report is due by the earliest deadline.
            var movement = ReportDeadline.Of(await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).ToListAsync(ct), year);
            if (submission.SubmittedAt is null)
            {
                submission.SubmittedAt = now;
                submission.Late = movement is not null && now >= movement.DeadlineEndIn(year);
            }
        }

        if (target == SubmissionStatus.Returned)
        {
            submission.Comments = comments;
        }

        submission.Status = target;
        submission.UpdatedAt = now;
        submission.Concurrency++;
        audit.Record(db, actor, "submission." + SubmissionReader.StatusName(target), "submission", $"{tenant}/{year}/{unit}", before,
            new { submission.Status, submission.SubmittedAt, submission.Late, submission.Comments });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TransitionOutcome.Refused(StatusCodes.Status412PreconditionFailed, "Hồ sơ vừa được thay đổi đồng thời; hãy tải lại.");
        }

        return new TransitionOutcome(submission, StatusCodes.Status200OK, null);
    }
}
