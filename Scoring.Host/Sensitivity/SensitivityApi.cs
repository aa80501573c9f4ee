using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Answer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Scoring.Host.Sensitivity.SensitivityReportDto>,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// Rank sensitivity in the API (docs/api.md), each answering the `sensitivity` verb's JSON (<see cref="SensitivityReportDto"/>):
/// <list type="bullet">
/// <item><c>GET /api/runs/{id}/sensitivity</c>: a completed run's frozen inputs with its pinned version; staff who may read the
/// run (administrators, the tenant's rule maintainers, secretariats of its groups, who see their own groups only);</item>
/// <item><c>GET /api/rule-sets/{id}/{version}/sensitivity?tenant=&amp;year=</c>: a published version on a tenant's stored year;</item>
/// <item><c>GET /api/rule-sets/{id}/drafts/{version}/sensitivity?year=</c>: a workbench draft on its tenant's stored year;</item>
/// </list>
/// the last two for the tenant's rule maintainers and administrators. Query: <c>spread</c> (±%, default 10), <c>samples</c>
/// (default 1,000, at most <see cref="SensitivityParameters.MaxSamples"/>), <c>seed</c> (default 1).
/// </summary>
internal static class SensitivityApi
{
    private const string Parameters = "Query: `spread` (± percent, over 0 and under 100, default 10; `7.5` or `7,5`), `samples` (1 to 2,000, default 1,000), "
        + "`seed` (0 to 2^64−1, default 1). A request costs at most 500,000 unit scorings (units × samples): more is refused with 422 naming "
        + "the most samples that fit. Every criterion's points and thresholds move within ±spread over the samples; per unit the share "
        + "of samples keeping its rank and its award, per group the criteria that flip its leader. The same parameters and data give the same answer.";

    public static IEndpointRouteBuilder MapSensitivityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runs/{id:long}/sensitivity", ForRunAsync).WithTags("Runs").WithName("RunSensitivity")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Rank sensitivity of a completed run (its frozen inputs, its pinned rule-set version)")
            .WithDescription(Parameters + " Administrators, the tenant's rule maintainers, and secretariats of the run's groups (the answer keeps "
                + "their own groups only). 409 while the run is not completed.")
            .Produces<SensitivityReportDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/api/rule-sets/{id}/{version}/sensitivity", ForPublishedAsync).WithTags("RuleSets").WithName("RuleSetSensitivity")
            .RequireAuthorization(Policies.RuleMaintainer)
            .WithSummary("Rank sensitivity of a published version on a tenant's stored year")
            .WithDescription("`tenant` and `year` are required: the tenant's current data of that year, as a run would freeze it now. " + Parameters
                + " The tenant's rule maintainers and administrators.")
            .Produces<SensitivityReportDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/api/rule-sets/{id}/drafts/{version}/sensitivity", ForDraftAsync).WithTags("RuleSets").WithName("DraftSensitivity")
            .RequireAuthorization(Policies.RuleMaintainer)
            .WithSummary("Rank sensitivity of a workbench draft on its tenant's stored year")
            .WithDescription("`year` is required: the draft's tenant's current data of that year. " + Parameters
                + " The draft's tenant's rule maintainers and administrators; 422 while the draft has errors.")
            .Produces<SensitivityReportDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Answer> ForRunAsync(long id, string? spread, string? samples, string? seed,
        HttpContext http, ScoringDbContext db, SensitivityAnalyses analyses, CancellationToken ct)
    {
        if (Read(spread, samples, seed) is { } bad)
        {
            return bad;
        }
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return Problems.NotFound($"Không có lượt chấm {id}.");
        }
        var actor = Actor.From(http.User);
        if (!await AccessGuard.CanReadRunAsync(db, actor, run, ct))
        {
            return Problems.Forbidden($"Lượt chấm {id} không thuộc phạm vi của bạn (đơn vị chủ quản hoặc cụm/khối).");
        }
        if (run.Status != RunStatus.Completed)
        {
            return Problems.Conflict($"Lượt chấm {id} chưa hoàn tất (trạng thái {run.Status.ToString().ToLowerInvariant()}); chỉ phân tích được lượt chấm đã có kết quả.");
        }
        var pinned = await db.RuleSetVersions.AsNoTracking().FirstAsync(v => v.Id == run.RuleSetVersionId, ct);
        var groups = actor.IsSecretariat ? await AccessGuard.OwnGroupsOfRunAsync(db, actor, run, ct) : null;
        return Answered(await analyses.ForRunAsync(run, pinned, Parsed(spread, samples, seed), groups, ct));
    }

    public static async Task<Answer> ForPublishedAsync(string id, string version, string? tenant, int? year, string? spread, string? samples, string? seed,
        HttpContext http, ScoringDbContext db, SensitivityAnalyses analyses, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(tenant) || year is null)
        {
            return Problems.BadRequest("Cần `tenant` và `year` (năm có dữ liệu đã lưu), ví dụ `?tenant=son-la&year=2025`.");
        }
        if (Read(spread, samples, seed) is { } bad)
        {
            return bad;
        }
        if (!Actor.From(http.User).InTenant(tenant))
        {
            return Problems.Forbidden($"Bạn không quản lý bộ tiêu chí của '{tenant}'.");
        }
        var published = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(r => r.RuleSetId == id && r.Version == version, ct);
        if (published is null)
        {
            return Problems.NotFound($"Không có phiên bản {version} của bộ tiêu chí '{id}'.");
        }
        if (await TenantCheck.MissingAsync(db, tenant, ct) is { } missing)
        {
            return missing;
        }
        return Answered(await analyses.ForPublishedAsync(published, tenant, year.Value, Parsed(spread, samples, seed), ct));
    }

    public static async Task<Answer> ForDraftAsync(string id, string version, int? year, string? spread, string? samples, string? seed,
        HttpContext http, RuleSetDrafts drafts, SensitivityAnalyses analyses, CancellationToken ct)
    {
        if (year is null)
        {
            return Problems.BadRequest("Cần `year` (năm có dữ liệu đã lưu của đơn vị chủ quản của bản nháp), ví dụ `?year=2025`.");
        }
        if (Read(spread, samples, seed) is { } bad)
        {
            return bad;
        }
        if (await drafts.FindAsync(id, version, ct) is not { } draft)
        {
            return Problems.NotFound($"Không có bản nháp {version} của bộ tiêu chí '{id}' (có thể đã được công bố hoặc xóa).");
        }
        if (!RuleSetDrafts.CanMaintain(Actor.From(http.User), draft.Tenant))
        {
            return Problems.Forbidden($"Bạn không quản lý bộ tiêu chí của '{draft.Tenant}'.");
        }
        return Answered(await analyses.ForDraftAsync(draft, year.Value, Parsed(spread, samples, seed), ct));
    }

    private static ProblemHttpResult? Read(string? spread, string? samples, string? seed)
    {
        var (_, field, problem) = SensitivityParameters.Parse(spread, samples, seed);
        return problem is null ? null : Problems.BadRequest(problem, new Dictionary<string, object?> { ["parameter"] = field });
    }

    private static SensitivityParameters Parsed(string? spread, string? samples, string? seed) => SensitivityParameters.Parse(spread, samples, seed).Parameters!;

    private static Answer Answered(SensitivityOutcome outcome) =>
        outcome.Report is { } report ? TypedResults.Ok(SensitivityReportDto.From(report)) : Problems.Unprocessable(outcome.Problem!);
}
