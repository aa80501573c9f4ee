using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Scoring.Rules.Values;
using SaveAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<Scoring.Host.Submissions.SubmissionDto>,
    Microsoft.AspNetCore.Http.HttpResults.Ok<Scoring.Host.Submissions.SubmissionDto>,
    Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Scoring.Host.Submissions;

internal static class SubmissionsApi
{
    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tenants/{tenant}/submissions/{year:int}/{unit}").WithTags("Submissions")
            .RequireAuthorization(Policies.Authenticated);
        api.MapGet("/", GetSubmission).WithName("GetSubmission")
            .WithSummary("Get a submission: status, current values, evidence (header ETag)")
            .Produces<SubmissionDto>().ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPut("/", PutSubmission).WithName("PutSubmission")
            .WithSummary("Create (201) or revise (200) a submission")
            .WithDescription("Editable in draft or returned. `Idempotency-Key` replays the first answer (422 when reused for another body); "
                + "`If-Match` with the current ETag is required once the submission exists (428 without it, 412 when stale).")
            .Produces<SubmissionDto>(StatusCodes.Status201Created).Produces<SubmissionDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        api.MapPatch("/", PatchSubmission).WithName("PatchSubmission")
            .WithSummary("Revise some values of an existing submission (200)")
            .WithDescription("The values sent replace those indicators' values; a null value removes the indicator; the others stay. "
                + "Same rules as PUT: editable in draft or returned, `If-Match` required (428/412), `Idempotency-Key` replays. 404 when there is no submission yet (create it with PUT).")
            .Produces<SubmissionDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired);
        api.MapGet("/revisions", ListRevisions).WithName("ListRevisions")
            .WithSummary("List every revision of a submission (append-only)")
            .Produces<List<RevisionDto>>().ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPost("/evidence", AttachEvidence).WithName("AttachEvidence").DisableAntiforgery()
            .WithSummary("Attach an evidence file")
            .WithDescription("Multipart field `file` (or a raw body with `?fileName=`), optionally field or query `indicator` (the indicator it proves): pdf, docx, xlsx, jpg or png, checked by content, "
                + "at most Submissions:MaxEvidenceBytes (10 MB by default). Only in draft or returned.")
            .Produces<EvidenceDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/evidence/{id:long}", DownloadEvidence).WithName("DownloadEvidence")
            .WithSummary("Download an evidence file (the content type it was stored with)")
            .ProducesFile([.. EvidencePolicy.ContentTypes])
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapPost("/submit", (string tenant, int year, string unit, HttpContext http, SubmissionWorkflow wf, CancellationToken ct) =>
            wf.TransitionAsync(tenant, year, unit, http, SubmissionStatus.Submitted, null, ct)).WithName("SubmitSubmission")
            .WithSummary("Submit: draft or returned → submitted (late after the movement's local deadline day)").ProducesTransition();
        api.MapPost("/review", (string tenant, int year, string unit, HttpContext http, SubmissionWorkflow wf, CancellationToken ct) =>
            wf.TransitionAsync(tenant, year, unit, http, SubmissionStatus.Reviewed, null, ct)).WithName("ReviewSubmission")
            .WithSummary("Review: submitted → reviewed (secretariat of the unit's group)").ProducesTransition();
        api.MapPost("/return", (string tenant, int year, string unit, ReviewComments body, HttpContext http, SubmissionWorkflow wf, CancellationToken ct) =>
            wf.TransitionAsync(tenant, year, unit, http, SubmissionStatus.Returned, body.Comments, ct)).WithName("ReturnSubmission")
            .WithSummary("Return with comments: submitted → returned (secretariat of the unit's group)").ProducesTransition()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/lock", (string tenant, int year, string unit, HttpContext http, SubmissionWorkflow wf, CancellationToken ct) =>
            wf.TransitionAsync(tenant, year, unit, http, SubmissionStatus.Locked, null, ct)).WithName("LockSubmission")
            .WithSummary("Lock: reviewed → locked (secretariat of the unit's group)").ProducesTransition();
        return app;
    }

    /// <summary>The answers of a workflow transition (<see cref="SubmissionWorkflow.TransitionAsync"/>).</summary>
    private static RouteHandlerBuilder ProducesTransition(this RouteHandlerBuilder builder) =>
        builder.Produces<SubmissionDto>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed);

    public static async Task<Results<Ok<SubmissionDto>, ProblemHttpResult>> GetSubmission(string tenant, int year, string unit, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        if (!await AccessGuard.CanReadUnitAsync(db, actor, tenant, year, unit, ct))
        {
            return Problems.Forbidden($"Bạn không được xem hồ sơ của đơn vị '{unit}'.");
        }

        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.TenantCode == tenant && s.UnitCode == unit && s.Year == year, ct);
        if (submission is null)
        {
            return Problems.NotFound($"Đơn vị '{unit}' chưa có hồ sơ năm {year}.");
        }

        http.Response.Headers.ETag = submission.ETag;
        return TypedResults.Ok(await ToDtoAsync(db, submission, ct));
    }

    /// <summary>Creates the submission or appends a revision. <c>Idempotency-Key</c> replays; <c>If-Match</c> is required once it exists.</summary>
    public static Task<SaveAnswer> PutSubmission(string tenant, int year, string unit, SubmissionValues body, HttpContext http,
        ScoringDbContext db, PublishedRuleSets ruleSets, AuditTrail audit, IClock clock, CancellationToken ct) =>
        SaveRevisionAsync(new RevisionRequest(tenant, year, unit, body.Values?.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal), Merge: false),
            http, db, ruleSets, audit, clock, ct);

    /// <summary>
    /// A unit answering a secretariat's comments changes a few values; resending all thirty would invite mistakes. Never
    /// creates (404 without a submission), so never 201.
    /// </summary>
    public static async Task<Results<Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> PatchSubmission(string tenant, int year, string unit,
        SubmissionChanges body, HttpContext http, ScoringDbContext db, PublishedRuleSets ruleSets, AuditTrail audit, IClock clock, CancellationToken ct) =>
        (await SaveRevisionAsync(new RevisionRequest(tenant, year, unit, body.Values, Merge: true), http, db, ruleSets, audit, clock, ct)).Result switch
        {
            Ok<SubmissionDto> revised => revised,
            ContentHttpResult replayed => replayed,
            ProblemHttpResult refused => refused,
            var other => throw new InvalidOperationException($"A PATCH never creates a submission; got {other.GetType().Name}."),
        };

    private static async Task<SaveAnswer> SaveRevisionAsync(RevisionRequest request, HttpContext http,
        ScoringDbContext db, PublishedRuleSets ruleSets, AuditTrail audit, IClock clock, CancellationToken ct)
    {
        var (tenant, year, unit, sent, merge) = request;
        var actor = Actor.From(http.User);
        if (!AccessGuard.CanEditSubmission(actor, tenant, unit))
        {
            return Problems.Forbidden($"Bạn không được sửa hồ sơ của đơn vị '{unit}'.");
        }

        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var requestHash = ContentHash.Of($"{(merge ? "PATCH" : "PUT")} {tenant}/{year}/{unit} " + JsonSerializer.Serialize(new SortedDictionary<string, string?>(sent ?? [], StringComparer.Ordinal)));
        var principal = $"{actor.Role}:{actor.Name}";
        if (key.Length > 0 && await ReplayAsync(db, principal, key, requestHash, http, ct) is { } replay)
        {
            return replay;
        }

        if (ValidateValues(sent, allowRemoval: merge) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        var unitKind = await db.Units.Where(u => u.TenantCode == tenant && u.Code == unit).Select(u => u.Kind).FirstOrDefaultAsync(ct);
        if (unitKind is null)
        {
            return Problems.NotFound($"Không có đơn vị '{unit}' trong '{tenant}'.");
        }

        if (await CheckAgainstRuleSetsAsync(db, ruleSets, tenant, year, unit, unitKind, sent!, merge, ct) is { } refused)
        {
            return refused;
        }

        var now = clock.GetCurrentInstant();
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.TenantCode == tenant && s.UnitCode == unit && s.Year == year, ct);
        object? before = null;
        var status = StatusCodes.Status200OK;
        if (submission is null && merge)
        {
            return Problems.NotFound($"Đơn vị '{unit}' chưa có hồ sơ năm {year}; hãy tạo hồ sơ bằng PUT với đầy đủ giá trị.");
        }

        IReadOnlyDictionary<string, string> current = new Dictionary<string, string>();
        if (submission is null)
        {
            submission = new Submission { TenantCode = tenant, UnitCode = unit, Year = year, Status = SubmissionStatus.Draft, UpdatedAt = now };
            db.Submissions.Add(submission);
            status = StatusCodes.Status201Created;
        }
        else
        {
            var ifMatch = http.Request.Headers.IfMatch.ToString();
            if (ifMatch.Length == 0)
            {
                return Problems.PreconditionRequired("Hồ sơ đã có: gửi kèm If-Match với ETag vừa đọc để tránh ghi đè thay đổi của người khác.");
            }

            if (ifMatch != submission.ETag && ifMatch != "*")
            {
                return Problems.PreconditionFailed("Hồ sơ đã được người khác thay đổi; hãy tải lại rồi sửa tiếp.");
            }

            if (submission.Status is not (SubmissionStatus.Draft or SubmissionStatus.Returned))
            {
                return Problems.Conflict($"Hồ sơ đang ở trạng thái '{StatusText(submission.Status)}', không sửa được.");
            }

            current = await CurrentValuesAsync(db, submission, ct);
            before = new { submission.Status, submission.CurrentRevision, values = current };
        }

        var values = merge ? new SortedDictionary<string, string>(current.ToDictionary(), StringComparer.Ordinal) : new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (indicator, value) in sent!)
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
        if (values.Count == 0)
        {
            return Problems.Unprocessable($"Hồ sơ của '{unit}' năm {year} sẽ không còn giá trị nào; không lưu. "
                + "Hãy gửi ít nhất một chỉ số (PATCH với null chỉ xoá từng chỉ số, không xoá hết hồ sơ).");
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
            audit.Record(db, actor, status == 201 ? "submission.create" : "submission.revise", "submission", $"{tenant}/{year}/{unit}", before,
                new { submission.Status, submission.CurrentRevision, values });
            var dto = await ToDtoAsync(db, submission, ct, values);
            if (key.Length > 0)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Principal = principal, Key = key, RequestSha256 = requestHash, StatusCode = status,
                    ResponseJson = JsonSerializer.Serialize(dto, JsonSerializerOptions.Web), ETag = submission.ETag, CreatedAt = now,
                });
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            http.Response.Headers.ETag = submission.ETag;
            return status == 201 ? TypedResults.Created($"/api/tenants/{tenant}/submissions/{year}/{unit}", dto) : TypedResults.Ok(dto);
        }
        catch (DbUpdateException)
        {
            // A concurrent request won: the same key (replay its answer) or another revision (412).
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (key.Length > 0 && await ReplayAsync(db, principal, key, requestHash, http, ct) is { } raced)
            {
                return raced;
            }

            return Problems.PreconditionFailed("Hồ sơ vừa được thay đổi đồng thời; hãy tải lại rồi sửa tiếp.");
        }
    }

    public static async Task<Results<Ok<List<RevisionDto>>, ProblemHttpResult>> ListRevisions(string tenant, int year, string unit, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        if (!await AccessGuard.CanReadUnitAsync(db, Actor.From(http.User), tenant, year, unit, ct))
        {
            return Problems.Forbidden($"Bạn không được xem hồ sơ của đơn vị '{unit}'.");
        }

        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.TenantCode == tenant && s.UnitCode == unit && s.Year == year, ct);
        if (submission is null)
        {
            return Problems.NotFound($"Đơn vị '{unit}' chưa có hồ sơ năm {year}.");
        }

        var revisions = await db.SubmissionRevisions.AsNoTracking().Where(r => r.SubmissionId == submission.Id).OrderBy(r => r.Number).ToListAsync(ct);
        return TypedResults.Ok(revisions.Select(r => new RevisionDto(r.Number, InstantPattern.ExtendedIso.Format(r.CreatedAt), r.CreatedBy,
            JsonSerializer.Deserialize<Dictionary<string, string>>(r.ValuesJson)!)).ToList());
    }

    public static async Task<Results<Created<EvidenceDto>, ProblemHttpResult>> AttachEvidence(string tenant, int year, string unit, HttpContext http, ScoringDbContext db,
        AuditTrail audit, IClock clock, EvidencePolicy policy, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        if (!AccessGuard.CanEditSubmission(actor, tenant, unit))
        {
            return Problems.Forbidden($"Bạn không được sửa hồ sơ của đơn vị '{unit}'.");
        }

        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.TenantCode == tenant && s.UnitCode == unit && s.Year == year, ct);
        if (submission is null)
        {
            return Problems.NotFound($"Đơn vị '{unit}' chưa có hồ sơ năm {year}; hãy tạo hồ sơ trước khi đính kèm minh chứng.");
        }

        if (submission.Status is not (SubmissionStatus.Draft or SubmissionStatus.Returned))
        {
            return Problems.Conflict($"Hồ sơ đang ở trạng thái '{StatusText(submission.Status)}', không đính kèm thêm được.");
        }

        var read = await UploadedFile.ReadOrProblemAsync(http.Request, policy.MaxBytes, "Hãy gửi tệp minh chứng trong trường 'file'.", ct);
        if (read.File is not { } upload)
        {
            return read.Problem!;
        }

        var (contentType, refusal) = policy.Check(upload.Name, upload.Content);
        if (refusal is not null)
        {
            return Problems.UnsupportedType(refusal);
        }

        // Evidence may prove one indicator (form field or query `indicator`), or the report as a whole.
        var indicator = (http.Request.HasFormContentType ? http.Request.Form["indicator"].ToString() : http.Request.Query["indicator"].ToString()).Trim();
        if (indicator.Length > 100)
        {
            return Problems.BadRequest("Mã chỉ số 'indicator' dài quá 100 ký tự.");
        }

        var evidence = new EvidenceFile
        {
            SubmissionId = submission.Id, Indicator = indicator.Length == 0 ? null : indicator, FileName = upload.Name, ContentType = contentType!, Size = upload.Content.Length,
            Sha256 = ContentHash.Of(upload.Content), Content = upload.Content, UploadedAt = clock.GetCurrentInstant(), UploadedBy = actor.Name,
        };
        // The submission's evidence list before and after, so consecutive attachments chain in the audit log.
        var before = await db.EvidenceFiles.AsNoTracking().Where(e => e.SubmissionId == submission.Id).OrderBy(e => e.Id)
            .Select(e => new EvidenceSnapshot(e.FileName, e.ContentType, e.Size, e.Sha256)).ToListAsync(ct);
        db.EvidenceFiles.Add(evidence);
        audit.Record(db, actor, "evidence.attach", "submission", $"{tenant}/{year}/{unit}", new { evidence = before },
            new { evidence = before.Append(new EvidenceSnapshot(evidence.FileName, evidence.ContentType, evidence.Size, evidence.Sha256)).ToList() });
        await db.SaveChangesAsync(ct);
        var dto = new EvidenceDto(evidence.Id, evidence.FileName, evidence.ContentType, evidence.Size, evidence.Sha256, InstantPattern.ExtendedIso.Format(evidence.UploadedAt));
        return TypedResults.Created($"/api/tenants/{tenant}/submissions/{year}/{unit}/evidence/{evidence.Id}", dto);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadEvidence(string tenant, int year, string unit, long id, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        if (!await AccessGuard.CanReadUnitAsync(db, Actor.From(http.User), tenant, year, unit, ct))
        {
            return Problems.Forbidden($"Bạn không được xem hồ sơ của đơn vị '{unit}'.");
        }

        var file = await db.EvidenceFiles.AsNoTracking()
            .Where(e => e.Id == id && db.Submissions.Any(s => s.Id == e.SubmissionId && s.TenantCode == tenant && s.UnitCode == unit && s.Year == year))
            .FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return Problems.NotFound($"Không có minh chứng số {id}.");
        }

        // Browsers must treat the file as the type it was checked as, never sniff an uploaded file into HTML or script.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    internal static async Task<SubmissionDto> ToDtoAsync(ScoringDbContext db, Submission s, CancellationToken ct, IReadOnlyDictionary<string, string>? values = null)
    {
        values ??= await CurrentValuesAsync(db, s, ct);
        var evidence = s.Id == 0 ? [] : await db.EvidenceFiles.AsNoTracking().Where(e => e.SubmissionId == s.Id).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedAt }).ToListAsync(ct);
        return new SubmissionDto(s.TenantCode, s.UnitCode, s.Year, StatusName(s.Status), s.CurrentRevision,
            s.SubmittedAt is { } at ? InstantPattern.ExtendedIso.Format(at) : null, s.Late, s.Comments, values,
            evidence.Select(e => new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, InstantPattern.ExtendedIso.Format(e.UploadedAt))).ToList());
    }

    internal static async Task<IReadOnlyDictionary<string, string>> CurrentValuesAsync(ScoringDbContext db, Submission s, CancellationToken ct)
    {
        var json = await db.SubmissionRevisions.AsNoTracking().Where(r => r.SubmissionId == s.Id && r.Number == s.CurrentRevision)
            .Select(r => r.ValuesJson).FirstOrDefaultAsync(ct);
        return json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json)!;
    }

    internal static string StatusName(SubmissionStatus status) => status.ToString().ToLowerInvariant();

    internal static string StatusText(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Draft => "nháp",
        SubmissionStatus.Submitted => "đã nộp",
        SubmissionStatus.Returned => "bị trả lại",
        SubmissionStatus.Reviewed => "đã thẩm định",
        _ => "đã khóa",
    };

    private static async Task<SaveAnswer?> ReplayAsync(ScoringDbContext db, string principal, string key, string requestHash, HttpContext http, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Principal == principal && r.Key == key, ct);
        if (record is null)
        {
            return null;
        }

        if (record.RequestSha256 != requestHash)
        {
            return Problems.Unprocessable($"Idempotency-Key '{key}' đã được dùng cho một yêu cầu khác; hãy dùng khóa mới.");
        }

        if (record.ETag is not null)
        {
            http.Response.Headers.ETag = record.ETag;
        }

        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Text(record.ResponseJson, "application/json", statusCode: record.StatusCode);
    }

    /// <summary>At most this many values in one PUT or PATCH: a rule set declares a few dozen indicators.</summary>
    internal const int MaxValues = 300;

    /// <summary>
    /// Checks every value sent against the indicators of the rule sets that apply to the unit's kind and the year (the one
    /// shared check, <see cref="IndicatorValues"/>): 422 listing EVERY offending indicator with its title, the value and what
    /// is allowed, before anything is written. Null when the values can be stored.
    /// </summary>
    private static async Task<ProblemHttpResult?> CheckAgainstRuleSetsAsync(ScoringDbContext db, PublishedRuleSets ruleSets, string tenant, int year, string unit, string unitKind,
        Dictionary<string, string?> sent, bool merge, CancellationToken ct)
    {
        if (sent.Count > MaxValues)
        {
            return Problems.Unprocessable($"Gửi {sent.Count.ToString("N0", Vietnamese)} giá trị trong một lần, vượt giới hạn {MaxValues} giá trị của một hồ sơ; không lưu. "
                + "Một bộ tiêu chí chỉ có vài chục chỉ số: hãy chỉ gửi các chỉ số của bộ tiêu chí.",
                new Dictionary<string, object?> { ["limit"] = MaxValues, ["count"] = sent.Count });
        }

        if (!merge && sent.Count == 0)
        {
            return Problems.Unprocessable($"Hồ sơ của '{unit}' năm {year} không có giá trị nào (`values` rỗng); không lưu. Hãy gửi các chỉ số đã có số liệu, ví dụ {{\"values\": {{\"staffTrained\": \"12\"}}}}.");
        }

        var (declared, applying) = await ApplicableIndicators.ForAsync(db, ruleSets, tenant, year, unitKind, ct);
        if (applying.Count == 0)
        {
            return Problems.Unprocessable($"Chưa có bộ tiêu chí nào đã công bố áp dụng cho đơn vị loại «{unitKind}» của '{tenant}' năm {year}, "
                + "nên chưa kiểm tra được giá trị; không lưu. Hãy chờ Sở KH&CN công bố bộ tiêu chí rồi gửi lại.");
        }

        var (_, errors) = IndicatorValues.Check(sent.Where(v => v.Value is not null), declared);
        if (errors.IsEmpty)
        {
            return null;
        }

        // The declared indicators are named once, at the end, however many unknown ones were sent.
        var extensions = new Dictionary<string, object?>
        {
            ["values"] = errors.Select(e => new { indicator = e.Indicator, title = e.Title, value = e.Value, problem = e.Problem, allowed = e.Undeclared ? null : e.Allowed }).ToList(),
        };
        var declaredList = string.Empty;
        if (errors.Any(e => e.Undeclared))
        {
            var ids = declared.Keys.Order(StringComparer.Ordinal).ToList();
            extensions["declared"] = ids;
            declaredList = $" Các chỉ số được khai báo ({ids.Count}): {string.Join(", ", ids)}; tên và khoảng giá trị của từng chỉ số ở GET /api/rule-sets/{{mã}}/{{phiên bản}}.";
        }

        return Problems.Unprocessable(
            $"{errors.Length} giá trị không hợp lệ theo bộ tiêu chí {string.Join(", ", applying)}; chưa lưu giá trị nào. Hãy sửa rồi gửi lại: "
            + string.Join(" | ", errors.Select(e => e.ToString())) + "." + declaredList,
            extensions);
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string? ValidateValues(Dictionary<string, string?>? values, bool allowRemoval)
    {
        if (values is null)
        {
            return "Thiếu 'values' (chỉ tiêu → giá trị).";
        }

        foreach (var (indicator, value) in values)
        {
            if (string.IsNullOrWhiteSpace(indicator))
            {
                return "Tên chỉ tiêu không được để trống.";
            }

            if (value is null)
            {
                if (allowRemoval)
                {
                    continue;
                }

                return $"Chỉ tiêu '{indicator}' không có giá trị: ghi giá trị, hoặc bỏ chỉ tiêu khỏi hồ sơ (PUT thay toàn bộ giá trị; PATCH với null xóa một chỉ tiêu).";
            }
        }

        return null;
    }
}
