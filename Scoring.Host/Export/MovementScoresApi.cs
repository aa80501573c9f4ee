using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Export;

/// <summary>
/// <c>GET /api/runs/{id}/movement-scores[.xlsx]</c>: every unit's movement score and grade from a completed run, in the form a
/// cluster's/bloc's general yearly score sheet takes it (<see cref="MovementScoreSheet"/>), pinned to the run. Who may read
/// it: as the run's award list (anyone once published; before: administrators, the tenant's maintainers and appraisers, a
/// secretariat its own groups).
/// </summary>
internal static class MovementScoresApi
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapMovementScoresApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs/{id:long}").WithTags("Runs").AllowAnonymous();
        runs.MapGet("/movement-scores", Get).WithName("GetMovementScores")
            .WithSummary("Every unit's movement score and grade from a completed run, for the clusters' general yearly score sheets")
            .WithDescription("Pinned to the run (run id, rule-set SHA-256, inputs and result hashes). `scale` (0 < scale ≤ 1000) adds `scaled` = "
                + "total / maxPoints × scale, rounded to 2 decimals: the points the general sheet gives the movement's criterion. Before publication: "
                + "administrators, the tenant's maintainers and appraisers; a secretariat gets its own groups.")
            .Produces<MovementScoreSheetDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        runs.MapGet("/movement-scores.xlsx", GetXlsx).WithName("ExportMovementScores")
            .WithSummary("The same as an .xlsx sheet with Vietnamese headers, the run's pin above the units")
            .ProducesFile(XlsxContentType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<MovementScoreSheetDto>, ProblemHttpResult>> Get(long id, string? scale, HttpContext http, ScoringDbContext db,
        PublishedRuleSets ruleSets, CancellationToken ct)
    {
        var (sheet, problem) = await ReadAsync(id, scale, http, db, ruleSets, ct);
        return problem is not null ? problem : TypedResults.Ok(sheet!);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetXlsx(long id, string? scale, HttpContext http, ScoringDbContext db,
        PublishedRuleSets ruleSets, CancellationToken ct)
    {
        var (sheet, problem) = await ReadAsync(id, scale, http, db, ruleSets, ct);
        if (problem is not null)
        {
            return problem;
        }

        var stream = new MemoryStream();
        MovementScoreWriter.Write(sheet!, stream);
        return TypedResults.File(stream.ToArray(), XlsxContentType, $"diem-phong-trao-{sheet!.Tenant}-{sheet.Year}-luot-{id}.xlsx");
    }

    private static async Task<(MovementScoreSheetDto? Sheet, ProblemHttpResult? Problem)> ReadAsync(long id, string? scaleText, HttpContext http,
        ScoringDbContext db, PublishedRuleSets ruleSets, CancellationToken ct)
    {
        decimal? scale = null;
        if (scaleText is not null)
        {
            if (!decimal.TryParse(scaleText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0 || parsed > MovementScoreSheet.MaxScale)
            {
                return (null, Problems.BadRequest($"Tham số `scale` '{scaleText}' cần là số điểm của tiêu chí phong trào trong bảng chấm chung của cụm, khối: "
                    + $"lớn hơn 0, tối đa {MovementScoreSheet.MaxScale.ToString(CultureInfo.InvariantCulture)}, dấu chấm thập phân (ví dụ 10 hoặc 7.5)."));
            }

            scale = parsed;
        }

        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || run.Status != RunStatus.Completed)
        {
            return (null, Problems.NotFound($"Lượt chấm {id} chưa có kết quả."));
        }

        var (refusal, own) = await RunsApi.UnpublishedAccessAsync(db, Actor.From(http.User), run, ct);
        if (refusal is not null)
        {
            return (null, Problems.Forbidden("Kết quả chưa công bố. " + refusal));
        }

        return (await MovementScoreSheet.ReadAsync(db, ruleSets, run, own, scale, ct), null);
    }
}
