using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Council;

/// <summary>
/// The steps between a run and its publication, and after it: the Department of Home Affairs' appraisal of each award
/// proposal, the emulation council's decision on it (recorded by the appraiser as the council's secretary, or by an
/// administrator), and the revocation of a published award. Every write is appended (never changed), audited in the same
/// transaction, and refused with a Vietnamese reason naming the field when it cannot stand.
/// </summary>
internal sealed class CouncilService(ScoringDbContext db, AuditTrail audit, IClock clock, PublishedRuleSets ruleSets, IOutputCacheStore pages)
{
    private const int MaxReasonLength = 2000;
    private const int MaxNumberLength = 100;
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>Administrators, and appraisers of the run's tenant.</summary>
    public static bool CanAct(Actor actor, ScoringRun run) => actor.IsAdministrator || (actor.IsAppraiser && actor.InTenant(run.TenantCode));

    public async Task<Results<Ok<List<ProposalDto>>, ProblemHttpResult>> ListAsync(Actor actor, long runId, CancellationToken ct)
    {
        var (run, refusal) = await RunAsync(actor, runId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var reviews = await ProposalReviews.OfRunsAsync(db, [run!.Id], ct);
        return TypedResults.Ok(reviews.Values.OrderBy(r => r.Entry.Id).Select(r => r.ToDto()).ToList());
    }

    public async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> AppraiseAsync(Actor actor, long runId, long proposalId, AppraisalRequest? body, CancellationToken ct)
    {
        var (review, run, refusal) = await ProposalAsync(actor, runId, proposalId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (run!.PublishedAt is not null)
        {
            return Problems.Conflict($"Lượt chấm {runId} đã công bố; không thẩm định lại được. Nếu cần, hãy thu hồi khen thưởng theo quyết định.");
        }

        if (review!.Decision is not null)
        {
            return Problems.Conflict($"Hội đồng đã quyết định về đề nghị {proposalId} (quyết định số {review.Decision.DecisionNumber}); không thẩm định lại được.");
        }

        var action = body?.Action?.Trim();
        if (action is not ("confirm" or "adjust"))
        {
            return Problems.BadRequest($"Trường `action` phải là \"confirm\" (giữ nguyên đề nghị) hoặc \"adjust\" (điều chỉnh); nhận được {Quote(body?.Action)}.");
        }

        if (ReasonProblem(body!.Reason, "reason", "lý do thẩm định") is { } reasonProblem)
        {
            return Problems.BadRequest(reasonProblem);
        }

        var appraisal = new AwardAppraisal
        {
            RunId = run.Id, AwardEntryId = review.Entry.Id, Confirmed = action == "confirm", Reason = body.Reason!.Trim(),
            AppraisedBy = AuditTrail.Describe(actor), AppraisedAt = clock.GetCurrentInstant(),
        };
        if (!appraisal.Confirmed && !string.IsNullOrWhiteSpace(body.Award))
        {
            var version = await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct);
            var awards = ruleSets.RuleSet(version).Awards;
            var award = awards.FirstOrDefault(a => a.Id == body.Award.Trim());
            if (award is null)
            {
                return Problems.BadRequest($"Trường `award`: hình thức '{body.Award}' không có trong bộ tiêu chí {version.RuleSetId} {version.Version}; "
                    + $"dùng một trong: {string.Join(", ", awards.Select(a => a.Id))}, hoặc bỏ trống để rút đề nghị.");
            }

            if (award.Id == review.Entry.Award)
            {
                return Problems.BadRequest($"Trường `award`: '{award.Id}' là hình thức đang đề nghị; để giữ nguyên hãy dùng \"action\": \"confirm\".");
            }

            (appraisal.Award, appraisal.AwardTitle) = (award.Id, award.Title);
        }

        db.AwardAppraisals.Add(appraisal);
        var after = review with { Appraisals = [.. review.Appraisals, appraisal] };
        return await SaveAsync(actor, "award.appraise", review, after, ct);
    }

    public async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> DecideAsync(Actor actor, long runId, long proposalId, DecisionRequest? body, CancellationToken ct)
    {
        var (review, run, refusal) = await ProposalAsync(actor, runId, proposalId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (run!.PublishedAt is not null)
        {
            return Problems.Conflict($"Lượt chấm {runId} đã công bố; quyết định của Hội đồng không ghi lại được. Nếu cần, hãy thu hồi khen thưởng theo quyết định.");
        }

        if (review!.Appraisal is null)
        {
            return Problems.Conflict($"Đề nghị {proposalId} ({review.Entry.UnitName}) chưa được Sở Nội vụ thẩm định; Hội đồng xét sau khi thẩm định.");
        }

        if (review.FinalAward is null)
        {
            return Problems.Conflict($"Đề nghị {proposalId} ({review.Entry.UnitName}) đã được rút khi thẩm định; không còn gì để Hội đồng xét.");
        }

        if (body?.Approved is not { } approved)
        {
            return Problems.BadRequest("Thiếu trường `approved`: true nếu Hội đồng thông qua, false nếu không thông qua.");
        }

        if (review.Entry.TieAtCut && (body.VotesFor is null || body.VotesAgainst is null))
        {
            return Problems.BadRequest($"Đề nghị {proposalId} ({review.Entry.UnitName}) đồng điểm tại ngưỡng chỉ tiêu: cần kết quả bỏ phiếu kín "
                + "(`votesFor` – số phiếu đồng ý, `votesAgainst` – số phiếu không đồng ý).");
        }

        if (body.VotesFor is < 0 || body.VotesAgainst is < 0 || (body.VotesFor is null) != (body.VotesAgainst is null))
        {
            return Problems.BadRequest("Kết quả bỏ phiếu cần cả `votesFor` và `votesAgainst`, mỗi trường là số nguyên không âm.");
        }

        if (DecisionProblem(body.Number, body.Date, out var date) is { } decisionProblem)
        {
            return Problems.BadRequest(decisionProblem);
        }

        var decision = new CouncilDecision
        {
            RunId = run.Id, AwardEntryId = review.Entry.Id, Approved = approved, VotesFor = body.VotesFor, VotesAgainst = body.VotesAgainst,
            DecisionNumber = body.Number!.Trim(), DecisionDate = date, RecordedBy = AuditTrail.Describe(actor), RecordedAt = clock.GetCurrentInstant(),
        };
        db.CouncilDecisions.Add(decision);
        return await SaveAsync(actor, "award.decide", review, review with { Decision = decision }, ct);
    }

    public async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> RevokeAsync(Actor actor, long runId, long proposalId, RevocationRequest? body, CancellationToken ct)
    {
        var (review, run, refusal) = await ProposalAsync(actor, runId, proposalId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (run!.PublishedAt is null)
        {
            return Problems.Conflict($"Lượt chấm {runId} chưa công bố; trước khi công bố, hãy điều chỉnh khi thẩm định hoặc ghi quyết định không thông qua.");
        }

        if (review!.Revocation is not null)
        {
            return Problems.Conflict($"Khen thưởng của {review.Entry.UnitName} đã bị thu hồi theo quyết định số {review.Revocation.DecisionNumber}; không thu hồi lần nữa.");
        }

        if (review.FinalAward is null || review.Decision is { Approved: false })
        {
            return Problems.Conflict($"Đề nghị {proposalId} ({review.Entry.UnitName}) không được khen thưởng khi công bố; không có khen thưởng để thu hồi.");
        }

        if (ReasonProblem(body?.Reason, "reason", "lý do thu hồi") is { } reasonProblem)
        {
            return Problems.BadRequest(reasonProblem);
        }

        if (DecisionProblem(body!.Number, body.Date, out var date) is { } decisionProblem)
        {
            return Problems.BadRequest(decisionProblem);
        }

        var revocation = new AwardRevocation
        {
            RunId = run.Id, AwardEntryId = review.Entry.Id, Reason = body.Reason!.Trim(), DecisionNumber = body.Number!.Trim(), DecisionDate = date,
            RecordedBy = AuditTrail.Describe(actor), RecordedAt = clock.GetCurrentInstant(),
        };
        db.AwardRevocations.Add(revocation);
        var saved = await SaveAsync(actor, "award.revoke", review, review with { Revocation = revocation }, ct);
        // The public year page and card show the revocation: this host's cached pages go now, other hosts' within 60 s.
        await pages.EvictByTagAsync(PublishedPageCachePolicy.Tag, ct);
        return saved;
    }

    private async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> SaveAsync(Actor actor, string action, ProposalReview before, ProposalReview after, CancellationToken ct)
    {
        audit.Record(db, actor, action, "award-proposal", before.Entry.Id.ToString(CultureInfo.InvariantCulture), before.ToDto(), after.ToDto());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The one unique row is a proposal's revocation: another request revoked it between our read and our write.
            return Problems.Conflict($"Đề nghị {before.Entry.Id} vừa được ghi bởi một yêu cầu khác; hãy tải lại.");
        }

        return TypedResults.Ok(after.ToDto());
    }

    private async Task<(ScoringRun? Run, ProblemHttpResult? Refusal)> RunAsync(Actor actor, long runId, CancellationToken ct)
    {
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null)
        {
            return (null, Problems.NotFound($"Không có lượt chấm {runId}."));
        }

        if (!CanAct(actor, run))
        {
            return (null, Problems.Forbidden($"Chỉ cán bộ thẩm định Sở Nội vụ của '{run.TenantCode}' (hoặc quản trị viên) thẩm định, ghi quyết định của Hội đồng và thu hồi khen thưởng."));
        }

        return run.Status != RunStatus.Completed
            ? (null, Problems.Conflict($"Lượt chấm {runId} chưa hoàn tất (trạng thái {run.Status.ToString().ToLowerInvariant()}); chưa có đề nghị khen thưởng để xét."))
            : (run, null);
    }

    private async Task<(ProposalReview? Review, ScoringRun? Run, ProblemHttpResult? Refusal)> ProposalAsync(Actor actor, long runId, long proposalId, CancellationToken ct)
    {
        var (run, refusal) = await RunAsync(actor, runId, ct);
        if (refusal is not null)
        {
            return (null, null, refusal);
        }

        var entry = await db.AwardEntries.AsNoTracking().FirstOrDefaultAsync(a => a.Id == proposalId && a.RunId == runId, ct);
        if (entry is null)
        {
            return (null, null, Problems.NotFound($"Lượt chấm {runId} không có đề nghị khen thưởng {proposalId}."));
        }

        var reviews = await ProposalReviews.OfAsync(db, [entry], ct);
        return (reviews[entry.Id], run, null);
    }

    private static string? ReasonProblem(string? reason, string field, string what) =>
        string.IsNullOrWhiteSpace(reason) ? $"Thiếu {what} (trường `{field}`): hãy ghi rõ căn cứ bằng văn bản."
        : reason.Length > MaxReasonLength ? $"Trường `{field}` dài {reason.Length} ký tự; tối đa {MaxReasonLength}."
        : null;

    private string? DecisionProblem(string? number, string? dateText, out LocalDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(number) || number.Trim().Length > MaxNumberLength)
        {
            return $"Trường `number`: cần số quyết định (ví dụ \"125/QĐ-HĐTĐKT\"), tối đa {MaxNumberLength} ký tự.";
        }

        var parsed = LocalDatePattern.Iso.Parse(dateText?.Trim() ?? "");
        if (!parsed.Success)
        {
            return $"Trường `date`: {Quote(dateText)} không phải ngày dạng yyyy-MM-dd (ví dụ 2026-01-15).";
        }

        date = parsed.Value;
        var today = clock.GetCurrentInstant().InZone(Zone).Date;
        return date > today ? $"Trường `date`: ngày quyết định {Display.Date(date)} ở sau hôm nay ({Display.Date(today)})." : null;
    }

    private static string Quote(string? text) => text is null ? "không có giá trị" : $"'{text}'";
}
