using Microsoft.EntityFrameworkCore;
using Scoring.Host.Infrastructure;

namespace Scoring.Host.Auth;

/// <summary>
/// The per-resource rules: a unit acts only on itself; a secretariat only on units of its groups (that year);
/// rule maintainers read within their tenant; administrators act everywhere.
/// </summary>
internal static class AccessGuard
{
    public static async Task<bool> CanReadUnitAsync(ScoringDbContext db, Actor actor, string tenant, int year, string unit, CancellationToken ct) =>
        actor.Role switch
        {
            Roles.Administrator => true,
            Roles.RuleMaintainer => actor.InTenant(tenant),
            Roles.Unit => actor.InTenant(tenant) && actor.IsUnit(unit),
            Roles.Secretariat => actor.InTenant(tenant) && await InOwnGroupAsync(db, actor, tenant, year, unit, ct),
            _ => false,
        };

    public static bool CanEditSubmission(Actor actor, string tenant, string unit) =>
        actor.IsAdministrator || (actor.InTenant(tenant) && actor.IsUnit(unit));

    public static async Task<bool> CanReviewAsync(ScoringDbContext db, Actor actor, string tenant, int year, string unit, CancellationToken ct) =>
        actor.IsAdministrator || (actor.Role == Roles.Secretariat && actor.InTenant(tenant) && await InOwnGroupAsync(db, actor, tenant, year, unit, ct));

    public static bool CanReadGroup(Actor actor, string tenant, string group) =>
        actor.Role switch
        {
            Roles.Administrator => true,
            Roles.RuleMaintainer => actor.InTenant(tenant),
            Roles.Secretariat => actor.InTenant(tenant) && actor.HasGroup(group),
            _ => false,
        };

    private static async Task<bool> InOwnGroupAsync(ScoringDbContext db, Actor actor, string tenant, int year, string unit, CancellationToken ct)
    {
        var groups = actor.Groups.ToList();
        return await db.Groups.AnyAsync(g => g.TenantCode == tenant && g.Year == year && groups.Contains(g.Code) && g.Members.Any(m => m.UnitCode == unit), ct);
    }
}
