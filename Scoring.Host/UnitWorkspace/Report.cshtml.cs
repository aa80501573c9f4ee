using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Engine.Results;
using Scoring.Rules.Model;

namespace Scoring.Host.UnitWorkspace;

/// <summary>
/// The unit's yearly report: deadline and days left, status and history, the form generated from the rule set that will
/// score it, evidence per indicator, a "tạm tính" of its points, and its card once a run has scored it. Saving and
/// submitting go through the API's own handlers (same checks, same audit), with the page's signed-in cookie.
/// </summary>
[Authorize(Policy = Policies.Authenticated)]
internal sealed class ReportModel(ScoringDbContext db, IClock clock, AuditTrail audit, EvidencePolicy evidencePolicy, SubmissionWorkflow workflow,
    SubmissionSaveWorkflow saving, PublishedRuleSets ruleSets, EngineRunCalculator calculator) : WorkspacePageModel
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public string Tenant { get; private set; } = "";

    public Unit UnitInfo { get; private set; } = null!;

    public int Year { get; private set; }

    public LocalDate? Deadline { get; private set; }

    public int? DaysLeft { get; private set; }

    public Submission? Submission { get; private set; }

    public IReadOnlyList<RevisionDto> Revisions { get; private set; } = [];

    /// <summary>The reminders to submit this year's report the unit was sent (by the daily job or its secretariat), newest first.</summary>
    public IReadOnlyList<OutboxMessage> Reminders { get; private set; } = [];

    public RuleSetVersion? RuleSet { get; private set; }

    public IReadOnlyList<ReportField> Fields { get; private set; } = [];

    public IReadOnlyList<EvidenceDto> ReportEvidence { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Titles { get; private set; } = new Dictionary<string, string>();

    public UnitScore? Preview { get; private set; }

    public string? PreviewProblem { get; private set; }

    public ReportResult? Result { get; private set; }

    public string? Error { get; private set; }

    public bool CanEdit { get; private set; }

    public long MaxEvidenceBytes => evidencePolicy.MaxBytes;

    public async Task<IActionResult> OnGetAsync(string tenant, string unit, int? year, CancellationToken ct)
    {
        if (await LoadAsync(tenant, unit, year, ct) is { } refused)
        {
            return refused;
        }

        await FillAsync(null, null, ct);
        if (storedValues.Count > 0)
        {
            await PreviewAsync(storedValues.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal), ct);
        }

        return Page();
    }

    /// <summary>Save the values as a draft (a new revision), through the API's PUT/PATCH.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string tenant, string unit, int? year, CancellationToken ct)
    {
        if (await LoadAsync(tenant, unit, year, ct) is { } refused)
        {
            return refused;
        }

        var (saved, page) = await SaveAsync(ct);
        if (!saved)
        {
            return page!;
        }

        TempData["Notice"] = "Đã lưu nháp.";
        return Redirect(UnitWorkspacePaths.Report(tenant, unit, Year));
    }

    /// <summary>Save, then submit through the workflow (lateness judged against the local deadline).</summary>
    public async Task<IActionResult> OnPostSubmitAsync(string tenant, string unit, int? year, CancellationToken ct)
    {
        if (await LoadAsync(tenant, unit, year, ct) is { } refused)
        {
            return refused;
        }

        var (saved, page) = await SaveAsync(ct);
        if (!saved)
        {
            return page!;
        }

        var submitted = await workflow.ApplyAsync(Actor.From(User), Tenant, Year, UnitInfo.Code, ifMatch: null, SubmissionStatus.Submitted, comments: null, ct);
        if (submitted.Submission is null)
        {
            db.ChangeTracker.Clear();
            Submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.TenantCode == Tenant && s.UnitCode == UnitInfo.Code && s.Year == Year, ct);
            Error = submitted.Error;
            await FillAsync(null, null, ct);
            return Page();
        }

        TempData["Notice"] = "Đã gửi báo cáo. Thư ký cụm/khối sẽ thẩm định; nếu bị trả lại, ý kiến sẽ hiện ở đây.";
        return Redirect(UnitWorkspacePaths.Report(tenant, unit, Year));
    }

    /// <summary>The "tạm tính" for the values in the form, without saving (a partial for the page's script, the whole page without it).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string tenant, string unit, int? year, CancellationToken ct)
    {
        if (await LoadAsync(tenant, unit, year, ct) is { } refused)
        {
            return refused;
        }

        var typed = Typed();
        await FillAsync(typed, null, ct);
        await PreviewAsync(ApiValues(typed), ct);
        return Request.Headers["X-Tam-Tinh"] == "1" ? Partial("_Preview", this) : Page();
    }

    /// <summary>Attach a file to one indicator, through the API's evidence handler (same types, same size limit).</summary>
    public async Task<IActionResult> OnPostEvidenceAsync(string tenant, string unit, int? year, CancellationToken ct)
    {
        if (await LoadAsync(tenant, unit, year, ct) is { } refused)
        {
            return refused;
        }

        var attached = await SubmissionsApi.AttachEvidence(Tenant, Year, UnitInfo.Code, HttpContext, db, audit, clock, evidencePolicy, ct);
        if (attached.Result is ProblemHttpResult problem)
        {
            Error = problem.ProblemDetails.Status == StatusCodes.Status404NotFound
                ? "Hãy lưu nháp báo cáo trước khi đính kèm minh chứng."
                : problem.ProblemDetails.Detail;
            db.ChangeTracker.Clear();
            await FillAsync(null, null, ct);
            return Page();
        }

        TempData["Notice"] = "Đã đính kèm minh chứng.";
        return Redirect(UnitWorkspacePaths.Report(tenant, unit, Year));
    }

    private async Task<IActionResult?> LoadAsync(string tenant, string unit, int? year, CancellationToken ct)
    {
        Tenant = tenant;
        Year = year ?? clock.GetCurrentInstant().InZone(Zone).Year;
        if (!await AccessGuard.CanReadUnitAsync(db, Actor, tenant, Year, unit, ct))
        {
            return Forbidden($"Tài khoản của bạn không được xem báo cáo của đơn vị “{unit}”.");
        }

        var found = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.TenantCode == tenant && u.Code == unit, ct);
        if (found is null)
        {
            return Missing($"Không có đơn vị “{unit}” trong “{tenant}”.");
        }

        UnitInfo = found;
        Submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.TenantCode == tenant && s.UnitCode == unit && s.Year == Year, ct);
        CanEdit = AccessGuard.CanEditSubmission(Actor, tenant, unit) && ReportStatus.Editable(Submission?.Status);
        Reminders = await ReminderOutbox.ForUnitAsync(db, tenant, Year, unit, ct);
        if (HttpMethods.IsPost(Request.Method) && !AccessGuard.CanEditSubmission(Actor, tenant, unit))
        {
            return Forbidden($"Chỉ đơn vị “{unit}” được sửa và gửi báo cáo của mình.");
        }

        var movement = ReportDeadline.Of(await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).ToListAsync(ct), Year);
        if (movement is not null)
        {
            Deadline = movement.DeadlineIn(Year);
            DaysLeft = Period.Between(clock.GetCurrentInstant().InZone(Zone).Date, Deadline.Value, PeriodUnits.Days).Days;
        }

        var applicable = await ApplicableRuleSet.ForAsync(db, ruleSets, tenant, Year, found.Kind, ct);
        RuleSet = applicable?.Version;
        Titles = applicable?.Document.RuleSet.Indicators.ToDictionary(i => i.Id, i => i.Title, StringComparer.Ordinal) ?? new Dictionary<string, string>();
        definitions = applicable?.Document.RuleSet.Indicators ?? [];
        return null;
    }

    private IReadOnlyList<IndicatorDefinition> definitions = [];

    private IReadOnlyDictionary<string, string> storedValues = new Dictionary<string, string>();

    /// <summary>Fills the form's fields: the typed values when re-showing a refused form, otherwise the stored ones.</summary>
    private async Task FillAsync(IReadOnlyDictionary<string, string?>? typed, IReadOnlyDictionary<string, string>? errors, CancellationToken ct)
    {
        var stored = Submission is null ? new Dictionary<string, string>() : await SubmissionReader.CurrentValuesAsync(db, Submission, ct);
        storedValues = stored;
        var evidence = Submission is null ? [] : await db.EvidenceFiles.AsNoTracking().Where(e => e.SubmissionId == Submission.Id).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Indicator, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt }).ToListAsync(ct);
        var dtos = evidence.Select(e => (e.Indicator, Dto: new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, Display.Time(e.UploadedAt)))).ToList();
        var imported = await db.AuthoritativeValues.AsNoTracking().Where(v => v.TenantCode == Tenant && v.Year == Year && v.UnitCode == UnitInfo.Code)
            .OrderBy(v => v.BatchId).ToListAsync(ct);
        var batchIds = imported.Select(v => v.BatchId).Distinct().ToList();
        var batches = await db.ImportBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        Fields = definitions.Select(d =>
        {
            var import = imported.LastOrDefault(v => v.Indicator == d.Id);
            var from = import is null ? null : batches.TryGetValue(import.BatchId, out var batch) ? ImportProvenance.Label(batch) : $"đợt nhập số {import.BatchId}";
            var shown = d.Source == IndicatorSource.Imported
                ? VietnameseInput.FromApi(import?.Value, d.Type)
                : typed is not null ? typed.GetValueOrDefault(d.Id) ?? "" : VietnameseInput.FromApi(stored.GetValueOrDefault(d.Id), d.Type);
            return new ReportField(d, shown, from, dtos.Where(e => e.Indicator == d.Id).Select(e => e.Dto).ToList(), errors?.GetValueOrDefault(d.Id));
        }).ToList();
        var known = definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        ReportEvidence = dtos.Where(e => e.Indicator is null || !known.Contains(e.Indicator)).Select(e => e.Dto).ToList();
        if (Submission is not null)
        {
            var revisions = await db.SubmissionRevisions.AsNoTracking().Where(r => r.SubmissionId == Submission.Id)
                .Select(r => new { r.Number, r.CreatedAt, r.CreatedBy }).ToListAsync(ct);
            Revisions = revisions.OrderByDescending(r => r.Number)
                .Select(r => new RevisionDto(r.Number, Display.Time(r.CreatedAt), r.CreatedBy, new Dictionary<string, string>())).ToList();
        }

        Result = await LatestResultAsync(ct);
    }

    private async Task<ReportResult?> LatestResultAsync(CancellationToken ct)
    {
        var result = await db.UnitResults.AsNoTracking()
            .Join(db.ScoringRuns.AsNoTracking().Where(r => r.TenantCode == Tenant && r.Year == Year && r.Status == RunStatus.Completed), u => u.RunId, r => r.Id,
                (u, r) => new { u.RunId, u.UnitCode, u.GroupCode, u.CardJson, r.PublishedAt })
            .Where(x => x.UnitCode == UnitInfo.Code)
            .OrderByDescending(x => x.PublishedAt != null).ThenByDescending(x => x.RunId).FirstOrDefaultAsync(ct);
        if (result is null)
        {
            return null;
        }

        var size = await db.UnitResults.AsNoTracking().CountAsync(u => u.RunId == result.RunId && u.GroupCode == result.GroupCode, ct);
        return new ReportResult(result.RunId, result.PublishedAt is not null, result.GroupCode, size, RunJson.Deserialize<UnitScore>(result.CardJson));
    }

    private Dictionary<string, string?> Typed() =>
        definitions.Where(d => d.Source != IndicatorSource.Imported).ToDictionary(d => d.Id, d => (string?)Request.Form["gt-" + d.Id].ToString(), StringComparer.Ordinal);

    private Dictionary<string, string?> ApiValues(IReadOnlyDictionary<string, string?> typed) =>
        definitions.Where(d => typed.ContainsKey(d.Id)).ToDictionary(d => d.Id, d => VietnameseInput.ToApi(typed[d.Id], d.Type), StringComparer.Ordinal);

    private async Task PreviewAsync(IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        if (RuleSet is null)
        {
            PreviewProblem = "Chưa có bộ tiêu chí áp dụng cho đơn vị năm này.";
            return;
        }

        var complete = values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal);
        (Preview, PreviewProblem) = await PointsPreview.ComputeAsync(db, ruleSets, calculator, Tenant, Year, UnitInfo.Code, RuleSet, complete, ct);
    }

    /// <summary>Saves through the API's workflow: a PUT for a new report, a PATCH (empty fields removed) for an existing one, with the form's ETag as If-Match.</summary>
    private async Task<(bool Saved, IActionResult? Page)> SaveAsync(CancellationToken ct)
    {
        var typed = Typed();
        var values = ApiValues(typed);
        var request = Submission is null
            ? new RevisionRequest(Tenant, Year, UnitInfo.Code, values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal), Merge: false)
            : new RevisionRequest(Tenant, Year, UnitInfo.Code, values, Merge: true);
        var outcome = await saving.SaveAsync(Actor.From(User), request, idempotencyKey: "", ifMatch: Submission is null ? "" : Request.Form["etag"].ToString(), ct);
        if (outcome.Refusal is { } problem)
        {
            db.ChangeTracker.Clear();
            var (fields, message) = FieldErrors.From(problem);
            Error = problem.Status == StatusCodes.Status412PreconditionFailed
                ? "Báo cáo vừa được thay đổi ở nơi khác (một cửa sổ khác?). Hãy tải lại trang rồi nhập lại."
                : message;
            await FillAsync(typed, fields, ct);
            return (false, Page());
        }

        return (true, null);
    }
}
