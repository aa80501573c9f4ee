using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>Creates or changes the tenant (<see cref="TenantService"/>).</summary>
    public static async Task<Results<Ok<TenantDto>, ProblemHttpResult>> PutTenant(string tenant, TenantDto body, HttpContext http, TenantService tenants, CancellationToken ct)
    {
        var outcome = await tenants.SaveAsync(Actor.From(http.User), tenant, body, ct);
        return outcome.Saved is { } saved ? TypedResults.Ok(saved) : Problems.BadRequest(outcome.Refusal!);
    }

    /// <summary>The tenant with all its stored movements (sorted), hashed alike before and after a write for the audit log.</summary>
    internal static TenantDto Snapshot(Tenant tenant, IEnumerable<Movement> movements) =>
        new(tenant.Code, tenant.Name, movements.OrderBy(m => m.Code, StringComparer.Ordinal).Select(ToDto).ToList());

    public static MovementDto ToDto(Movement m) => new(m.Code, m.Title, m.Plan, m.ReportDeadline, m.TimeZone, m.CouncilStep);
}
