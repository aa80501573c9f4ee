using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
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
            TransitionAsync(wf, tenant, year, unit, http, SubmissionStatus.Submitted, null, ct)).WithName("SubmitSubmission")
            .WithSummary("Submit: draft or returned → submitted (late after the movement's local deadline day)").ProducesTransition();
        api.MapPost("/review", (string tenant, int year, string unit, HttpContext http, SubmissionWorkflow wf, CancellationToken ct) =>
            TransitionAsync(wf, tenant, year, unit, http, SubmissionStatus.Reviewed, null, ct)).WithName("ReviewSubmission")
            .WithSummary("Review: submitted → reviewed (secretariat of the unit's group)").ProducesTransition();
        api.MapPost("/return", (string tenant, int year, string unit, ReviewComments body, HttpContext http, SubmissionWorkflow wf, CancellationToken ct) =>
            TransitionAsync(wf, tenant, year, unit, http, SubmissionStatus.Returned, body.Comments, ct)).WithName("ReturnSubmission")
            .WithSummary("Return with comments: submitted → returned (secretariat of the unit's group)").ProducesTransition()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/lock", (string tenant, int year, string unit, HttpContext http, SubmissionWorkflow wf, CancellationToken ct) =>
            TransitionAsync(wf, tenant, year, unit, http, SubmissionStatus.Locked, null, ct)).WithName("LockSubmission")
            .WithSummary("Lock: reviewed → locked (secretariat of the unit's group)").ProducesTransition();
        return app;
    }

    /// <summary>A workflow transition (<see cref="SubmissionWorkflow.ApplyAsync"/>) answered over HTTP: the changed submission with its ETag, or the refusal.</summary>
    private static async Task<Results<Ok<SubmissionDto>, ProblemHttpResult>> TransitionAsync(SubmissionWorkflow workflow, string tenant, int year, string unit, HttpContext http,
        SubmissionStatus target, string? comments, CancellationToken ct)
    {
        var outcome = await workflow.ApplyAsync(Actor.From(http.User), tenant, year, unit, http.Request.Headers.IfMatch.ToString(), target, comments, ct);
        if (outcome.Submission is not { } submission)
        {
            return Problems.Of(outcome.Status, outcome.Error!);
        }

        http.Response.Headers.ETag = submission.ETag;
        return TypedResults.Ok(await workflow.ToDtoAsync(submission, ct));
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
        return TypedResults.Ok(await SubmissionReader.ToDtoAsync(db, submission, ct));
    }

    /// <summary>Creates the submission or appends a revision (<see cref="SubmissionSaveWorkflow"/>). <c>Idempotency-Key</c> replays; <c>If-Match</c> is required once it exists.</summary>
    public static async Task<SaveAnswer> PutSubmission(string tenant, int year, string unit, SubmissionValues body, HttpContext http,
        SubmissionSaveWorkflow saving, CancellationToken ct) =>
        Answer(await SaveAsync(new RevisionRequest(tenant, year, unit, body.Values?.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal), Merge: false),
            http, saving, ct), http);

    /// <summary>
    /// A unit answering a secretariat's comments changes a few values; resending all thirty would invite mistakes. Never
    /// creates (404 without a submission), so never 201.
    /// </summary>
    public static async Task<Results<Ok<SubmissionDto>, ContentHttpResult, ProblemHttpResult>> PatchSubmission(string tenant, int year, string unit,
        SubmissionChanges body, HttpContext http, SubmissionSaveWorkflow saving, CancellationToken ct) =>
        Answer(await SaveAsync(new RevisionRequest(tenant, year, unit, body.Values, Merge: true), http, saving, ct), http).Result switch
        {
            Ok<SubmissionDto> revised => revised,
            ContentHttpResult replayed => replayed,
            ProblemHttpResult refused => refused,
            var other => throw new InvalidOperationException($"A PATCH never creates a submission; got {other.GetType().Name}."),
        };

    private static Task<SubmissionSaveOutcome> SaveAsync(RevisionRequest request, HttpContext http, SubmissionSaveWorkflow saving, CancellationToken ct) =>
        saving.SaveAsync(Actor.From(http.User), request, http.Request.Headers["Idempotency-Key"].ToString(), http.Request.Headers.IfMatch.ToString(), ct);

    private static SaveAnswer Answer(SubmissionSaveOutcome outcome, HttpContext http)
    {
        if (outcome.ETag is { } etag)
        {
            http.Response.Headers.ETag = etag;
        }

        if (outcome.Refusal is { } refusal)
        {
            return Problems.Of(refusal.Status, refusal.Detail, refusal.Extensions);
        }

        if (outcome.Replayed is { } record)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Text(record.ResponseJson, "application/json", statusCode: record.StatusCode);
        }

        var tenant = outcome.Saved!.Tenant;
        return outcome.Created
            ? TypedResults.Created($"/api/tenants/{tenant}/submissions/{outcome.Saved.Year}/{outcome.Saved.Unit}", outcome.Saved)
            : TypedResults.Ok(outcome.Saved);
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
            return Problems.Conflict($"Hồ sơ đang ở trạng thái '{SubmissionReader.StatusText(submission.Status)}', không đính kèm thêm được.");
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
}
