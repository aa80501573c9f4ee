using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace Scoring.Host.Reviews;

/// <summary>
/// Phase reviews in the service: enqueue (pinned to the published yearly runs), status, the result JSON, publish, verify,
/// the report workbook, and a tenant's latest published review of a phase. Before publication a review is read by
/// administrators and the tenant's rule maintainers (the standing agency) only.
/// </summary>
internal static class ReviewsApi
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var tenantReviews = app.MapGroup("/api/tenants/{tenant}/reviews").WithTags("Reviews");
        tenantReviews.MapPost("/", Enqueue).WithName("EnqueueReview").RequireAuthorization(Policies.RuleMaintainer)
            .WithSummary("Enqueue a phase review (sơ kết, tổng kết) of a tenant, pinned to the published yearly runs of the phase's years")
            .WithDescription("The phase's years come from the tenant's published rule sets that declare it. For every year the latest published "
                + "run of each rule set (all groups) is pinned with its rule-set SHA-256, inputs SHA-256 and result SHA-256. A review is identified by "
                + "tenant, phase and inputs SHA-256: 201 for a new review, 200 with the identical stored one. Executed by the job scheduler; 422 when "
                + "no published rule set declares the phase or the review year has no published run.")
            .Produces<ReviewDto>(StatusCodes.Status201Created).Produces<ReviewDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        tenantReviews.MapGet("/", List).WithName("ListReviews").AllowAnonymous()
            .WithSummary("A tenant's phase reviews (anonymous readers and secretariats: the published ones)")
            .Produces<List<ReviewDto>>();
        tenantReviews.MapGet("/{phase}/published", GetPublished).WithName("GetPublishedReview").AllowAnonymous()
            .WithSummary("The latest published review of a phase, as its canonical JSON")
            .Produces<string>(contentType: "application/json").ProducesProblems(StatusCodes.Status404NotFound);

        var reviews = app.MapGroup("/api/reviews/{id:long}").WithTags("Reviews");
        reviews.MapGet("/", Get).WithName("GetReview").AllowAnonymous()
            .WithSummary("A review's status, years, pinned yearly runs and hashes (before publication: administrators and the tenant's rule maintainers)")
            .Produces<ReviewDto>().ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        reviews.MapGet("/result", GetResult).WithName("GetReviewResult").AllowAnonymous()
            .WithSummary("A completed review's result: the canonical JSON the `review` verb writes (phase ranking per cluster/bloc and across the tenant, award proposals)")
            .Produces<string>(contentType: "application/json").ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        reviews.MapGet("/report.xlsx", Report).WithName("ReviewReport").AllowAnonymous()
            .WithSummary("The phase review report as .xlsx (rankings per cluster/bloc and across the tenant, award proposals, rule sets, yearly runs, hashes)")
            .ProducesFile(ReviewReportXlsx.ContentType).ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        reviews.MapPost("/publish", Publish).WithName("PublishReview").RequireAuthorization(Policies.Administrator)
            .WithSummary("Publish a completed review, atomically and once")
            .Produces<PublishedReviewDto>().ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        reviews.MapPost("/verify", Verify).WithName("VerifyReview").RequireAuthorization(Policies.RuleMaintainer)
            .WithSummary("Compute a completed review again from its frozen inputs (every pinned yearly run re-scored) and compare byte for byte")
            .Produces<ReviewVerificationDto>().ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Created<ReviewDto>, Ok<ReviewDto>, ProblemHttpResult>> Enqueue(string tenant, ReviewRequest body, HttpContext http, ScoringDbContext db, ReviewService service, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        if (!actor.InTenant(tenant))
        {
            return Problems.Forbidden($"Bạn không thuộc '{tenant}'.");
        }

        if (string.IsNullOrWhiteSpace(body.Phase) || body.Phase.Length > 64)
        {
            return Problems.BadRequest("Trường 'phase' phải là mã giai đoạn khai báo trong bộ tiêu chí, ví dụ \"2025-2027\" (không để trống, tối đa 64 ký tự).");
        }

        if (await TenantCheck.MissingAsync(db, tenant, ct) is { } missingTenant)
        {
            return missingTenant;
        }

        var outcome = await service.EnqueueAsync(tenant, body.Phase.Trim(), AuditTrail.Describe(actor), ct);
        if (outcome.Review is not { } review)
        {
            return Problems.Unprocessable(outcome.Refusal!);
        }

        var dto = ReviewDto.Of(review);
        return outcome.Created ? TypedResults.Created($"/api/reviews/{review.Id}", dto) : TypedResults.Ok(dto);
    }

    public static async Task<Ok<List<ReviewDto>>> List(string tenant, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        var all = CanReadUnpublished(Actor.From(http.User), tenant);
        var reviews = await db.PhaseReviews.AsNoTracking().Where(r => r.TenantCode == tenant && (all || r.PublishedAt != null)).OrderBy(r => r.Id).ToListAsync(ct);
        return TypedResults.Ok(reviews.Select(ReviewDto.Of).ToList());
    }

    public static async Task<Results<Ok<ReviewDto>, ProblemHttpResult>> Get(long id, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        var (review, problem) = await ReadableAsync(id, http, db, false, ct);
        return review is null ? problem! : TypedResults.Ok(ReviewDto.Of(review));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetResult(long id, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        var (review, problem) = await ReadableAsync(id, http, db, true, ct);
        return review is null ? problem! : TypedResults.Text(review.ResultJson!, "application/json");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetPublished(string tenant, string phase, ScoringDbContext db, CancellationToken ct)
    {
        var json = await db.PhaseReviews.AsNoTracking().Where(r => r.TenantCode == tenant && r.Phase == phase && r.PublishedAt != null)
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        return json is null
            ? Problems.NotFound($"Chưa có kết quả sơ kết giai đoạn «{phase}» nào của '{tenant}' được công bố.")
            : TypedResults.Text(json, "application/json");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Report(long id, HttpContext http, ScoringDbContext db, CancellationToken ct)
    {
        var (review, problem) = await ReadableAsync(id, http, db, true, ct);
        if (review is null)
        {
            return problem!;
        }

        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Code == review.TenantCode, ct);
        return TypedResults.File(ReviewReportXlsx.Write(review, ReviewView.Read(review.ResultJson!), tenant.Name), ReviewReportXlsx.ContentType,
            $"so-ket-{review.TenantCode}-{review.Phase}-dot-{review.Id}.xlsx");
    }

    public static async Task<Results<Ok<PublishedReviewDto>, ProblemHttpResult>> Publish(long id, HttpContext http, ReviewPublisher publisher, CancellationToken ct)
    {
        var (status, review, at) = await publisher.PublishAsync(id, AuditTrail.Describe(Actor.From(http.User)), ct);
        return status switch
        {
            PublishStatus.NotFound => Problems.NotFound($"Không có đợt sơ kết {id}."),
            PublishStatus.AlreadyPublished => Problems.Conflict($"Đợt sơ kết {id} đã công bố; kết quả đã công bố không thay đổi được."),
            PublishStatus.NotCompleted => Problems.Conflict($"Đợt sơ kết {id} chưa hoàn tất (trạng thái {review!.Status.ToString().ToLowerInvariant()}); chưa công bố được."),
            PublishStatus.Raced => Problems.Conflict($"Đợt sơ kết {id} vừa được công bố."),
            _ => TypedResults.Ok(new PublishedReviewDto(id, InstantPattern.ExtendedIso.Format(at!.Value))),
        };
    }

    public static async Task<Results<Ok<ReviewVerificationDto>, ProblemHttpResult>> Verify(long id, HttpContext http, ScoringDbContext db, ReviewVerifier verifier, CancellationToken ct)
    {
        var review = await db.PhaseReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var actor = Actor.From(http.User);
        if (review is null)
        {
            return Problems.NotFound($"Không có đợt sơ kết {id}.");
        }

        if (!actor.InTenant(review.TenantCode))
        {
            return Problems.Forbidden($"Đợt sơ kết {id} thuộc '{review.TenantCode}', không thuộc phạm vi của bạn.");
        }

        if (review.Status != RunStatus.Completed)
        {
            return Problems.Conflict($"Đợt sơ kết {id} chưa hoàn tất (trạng thái {review.Status.ToString().ToLowerInvariant()}); chỉ kiểm chứng được đợt đã có kết quả.");
        }

        return TypedResults.Ok(await verifier.VerifyAsync(review, AuditTrail.Describe(actor), ct));
    }

    /// <summary>Administrators and the tenant's rule maintainers read a review before it is published; everyone reads a published one.</summary>
    internal static bool CanReadUnpublished(Actor actor, string tenant) => actor.IsRuleMaintainer && actor.InTenant(tenant);

    private static async Task<(PhaseReviewRecord? Review, ProblemHttpResult? Problem)> ReadableAsync(long id, HttpContext http, ScoringDbContext db, bool needsResult, CancellationToken ct)
    {
        var review = await db.PhaseReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return (null, Problems.NotFound($"Không có đợt sơ kết {id}."));
        }

        if (review.PublishedAt is null && !CanReadUnpublished(Actor.From(http.User), review.TenantCode))
        {
            return (null, Problems.Forbidden($"Đợt sơ kết {id} chưa công bố; chỉ quản trị và cơ quan thường trực của '{review.TenantCode}' được xem."));
        }

        if (needsResult && review.Status != RunStatus.Completed)
        {
            return (null, Problems.NotFound($"Đợt sơ kết {id} chưa có kết quả (trạng thái {review.Status.ToString().ToLowerInvariant()})."));
        }

        return (review, null);
    }
}
