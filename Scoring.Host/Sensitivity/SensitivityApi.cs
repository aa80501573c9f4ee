using Microsoft.EntityFrameworkCore;
using Scoring.Engine.Sensitivity;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// `GET /api/rule-sets/{id}/{version}/sensitivity?tenant=&amp;year=[&amp;spread=10][&amp;samples=1000][&amp;seed=1]`: the seeded
/// rank-sensitivity analysis of a published version on a tenant's stored data for a year, for the rule maintainers of
/// that tenant and administrators. The body is the JSON of the `sensitivity` verb.
/// </summary>
internal static class SensitivityApi
{
    /// <summary>The most samples one request may ask for: the analysis runs inside the request.</summary>
    public const int MaxSamples = 10_000;

    public static IEndpointRouteBuilder MapSensitivityApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rule-sets/{id}/{version}/sensitivity", AnalyseAsync).WithTags("RuleSets").WithName("RuleSetSensitivity")
            .RequireAuthorization(Policies.RuleMaintainer)
            .WithSummary("Rank sensitivity of a published version on a year's data")
            .WithDescription("A seeded Monte Carlo: every criterion's points and thresholds move within ±spread% (default 10) over `samples` draws "
                + $"(default 1,000, at most {MaxSamples:N0}); per unit the share of draws keeping its rank and its award, per group the criteria that flip "
                + "its leader. The same parameters and data give the same bytes (docs/cli.md, `sensitivity`).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<IResult> AnalyseAsync(
        string id, string version, string? tenant, int? year, decimal? spread, int? samples, ulong? seed,
        HttpContext http, ScoringDbContext db, EngineRunCalculator engine, CancellationToken ct)
    {
        if (tenant is null || year is null)
        {
            return Problems.BadRequest("Cần `tenant` và `year` (năm có dữ liệu đã lưu), ví dụ `?tenant=son-la&year=2025`.");
        }
        if (spread is { } s && (s <= 0m || s >= 100m))
        {
            return Problems.BadRequest($"`spread` phải lớn hơn 0 và nhỏ hơn 100 (phần trăm), không phải {s}.");
        }
        if (samples is { } n && (n < 1 || n > MaxSamples))
        {
            return Problems.BadRequest($"`samples` phải từ 1 đến {MaxSamples}, không phải {n}.");
        }
        var actor = Actor.From(http.User);
        if (!actor.InTenant(tenant))
        {
            return Problems.Forbidden($"Bạn không quản lý bộ tiêu chí của '{tenant}'.");
        }
        var published = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(r => r.RuleSetId == id && r.Version == version, ct);
        if (published is null)
        {
            return Problems.NotFound($"Không có phiên bản {version} của bộ tiêu chí '{id}'.");
        }
        if (!await db.Tenants.AnyAsync(t => t.Code == tenant, ct))
        {
            return Problems.NotFound($"Không có đơn vị chủ quản '{tenant}'.");
        }
        var inputs = await RunInputsBuilder.BuildAsync(db, tenant, year.Value, [], ct);
        PipelineRun run;
        try
        {
            run = engine.Score(published, inputs);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return Problems.Unprocessable($"Không chấm được năm {year} để phân tích độ nhạy: {e.Message}");
        }
        if (!run.Succeeded || run.Runs.IsEmpty)
        {
            return Problems.Unprocessable($"Không chấm được năm {year} để phân tích độ nhạy: {string.Join(" ", run.Problems.DefaultIfEmpty("không có đơn vị nào thuộc bộ tiêu chí này."))}");
        }
        var report = SensitivityAnalyzer.Analyze([.. run.Runs.Select(r => r.Request)], new SensitivityOptions(samples ?? 1000, spread ?? 10m, seed ?? 1UL));
        return TypedResults.Text(SensitivityJson.Write(report), "application/json", System.Text.Encoding.UTF8);
    }
}
