using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Health;

internal static class HealthApi
{
    /// <summary><c>/health</c>: the process answers. <c>/ready</c>: schema current, seeding done, database reachable.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new HealthStatus("ok"))).WithTags("Health").AllowAnonymous()
            .WithName("Health").WithSummary("Liveness: the process answers");
        app.MapGet("/ready", async (ReadinessState readiness, ScoringDbContext db, CancellationToken ct) =>
        {
            if (!readiness.IsReady)
            {
                return Results.Problem(detail: "Dịch vụ đang khởi động (nâng cấp cơ sở dữ liệu, nạp dữ liệu mẫu).", statusCode: 503);
            }

            try
            {
                await db.Tenants.AnyAsync(ct);
                return Results.Ok(new HealthStatus("ready"));
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                return Results.Problem(detail: "Không kết nối được cơ sở dữ liệu.", statusCode: 503);
            }
        }).WithTags("Health").AllowAnonymous().WithName("Ready")
            .WithSummary("Readiness: schema current, seeding done, database reachable")
            .Produces<HealthStatus>().ProducesProblems(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
