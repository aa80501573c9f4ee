using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Tenants;

internal static class TenantsApi
{
    public static IEndpointRouteBuilder MapTenantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tenants").WithTags("Tenants");
        api.MapGet("/", ListTenants).WithName("ListTenants").AllowAnonymous()
            .WithSummary("List tenants and their movements").Produces<List<TenantDto>>();
        api.MapPut("/{tenant}", PutTenant).WithName("PutTenant").RequireAuthorization(Policies.Administrator)
            .WithSummary("Create or update a tenant and its movements")
            .WithDescription("Each movement's `reportDeadline` is MM-dd in its `timeZone`; the yearly scoring run is (re)scheduled.")
            .Produces<TenantDto>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    public static async Task<Ok<List<TenantDto>>> ListTenants(ScoringDbContext db, CancellationToken ct)
    {
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        var movements = await db.Movements.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(tenants.Select(t => new TenantDto(t.Code, t.Name,
            movements.Where(m => m.TenantCode == t.Code).OrderBy(m => m.Code).Select(ToDto).ToList())).ToList());
    }

    public static async Task<Results<Ok<TenantDto>, ProblemHttpResult>> PutTenant(string tenant, TenantDto body, HttpContext http, ScoringDbContext db, AuditTrail audit,
        YearlySchedule yearly, IOutputCacheStore pages, CancellationToken ct)
    {
        if (TenantBody.Refusal(body) is { } refusal)
        {
            return Problems.BadRequest(refusal);
        }

        foreach (var m in body.Movements)
        {
            if (!IsDeadline(m.ReportDeadline))
            {
                return Problems.BadRequest($"Hạn báo cáo '{m.ReportDeadline}' của phong trào '{m.Code}' phải có dạng MM-dd (ví dụ 11-10).");
            }

            if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(m.TimeZone) is null)
            {
                return Problems.BadRequest($"Múi giờ '{m.TimeZone}' của phong trào '{m.Code}' không có; dùng Asia/Ho_Chi_Minh.");
            }
        }

        var actor = Actor.From(http.User);
        var existing = await db.Tenants.FirstOrDefaultAsync(t => t.Code == tenant, ct);
        var movements = await db.Movements.Where(m => m.TenantCode == tenant).ToListAsync(ct);
        var before = existing is null ? null : Snapshot(existing, movements);
        if (existing is null)
        {
            existing = new Tenant { Code = tenant, Name = body.Name };
            db.Tenants.Add(existing);
        }

        existing.Name = body.Name;
        foreach (var dto in body.Movements)
        {
            var movement = movements.FirstOrDefault(m => m.Code == dto.Code);
            if (movement is null)
            {
                movement = new Movement { TenantCode = tenant, Code = dto.Code, Title = dto.Title, ReportDeadline = dto.ReportDeadline };
                db.Movements.Add(movement);
                movements.Add(movement);
            }

            movement.Title = dto.Title;
            movement.Plan = dto.Plan;
            movement.ReportDeadline = dto.ReportDeadline;
            movement.TimeZone = dto.TimeZone;
            movement.CouncilStep = dto.CouncilStep;
        }

        audit.Record(db, actor, before is null ? "tenant.create" : "tenant.update", "tenant", tenant, before, Snapshot(existing, movements));
        await db.SaveChangesAsync(ct);
        await yearly.SyncAsync(db, tenant, ct);
        // The public pages show the tenant's name and movements; other hosts' cached pages follow within their 60 s.
        await pages.EvictByTagAsync(PublishedPageCachePolicy.Tag, ct);

        return TypedResults.Ok(body with { Code = tenant });
    }

    /// <summary>The tenant with all its stored movements (sorted), hashed alike before and after a write for the audit log.</summary>
    internal static TenantDto Snapshot(Tenant tenant, IEnumerable<Movement> movements) =>
        new(tenant.Code, tenant.Name, movements.OrderBy(m => m.Code, StringComparer.Ordinal).Select(ToDto).ToList());

    public static MovementDto ToDto(Movement m) => new(m.Code, m.Title, m.Plan, m.ReportDeadline, m.TimeZone, m.CouncilStep);

    private static bool IsDeadline(string text) =>
        text.Length == 5 && text[2] == '-' && int.TryParse(text[..2], out var month) && int.TryParse(text[3..], out var day)
        && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2023, month);
}
