using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Auth;

/// <summary>
/// The per-resource rules: a unit acts only on itself; a secretariat only on units of its groups (that year);
/// rule maintainers read within their tenant; administrators act everywhere.
/// </summary>
/// <remarks>
/// Groups are per year: a group code in a secretariat's token names that cluster/bloc in whichever year it exists. Every
/// secretariat check therefore asks which of its groups exist in the year at hand (or belong to the run at hand).
/// </remarks>
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
            Roles.RuleMaintainer or Roles.Appraiser => actor.InTenant(tenant),
            Roles.Secretariat => actor.InTenant(tenant) && actor.HasGroup(group),
            _ => false,
        };

    /// <summary>
    /// A run's status: administrators; maintainers and units of its tenant; a secretariat of its tenant when the run covers
    /// one of its groups.
    /// </summary>
    public static async Task<bool> CanReadRunAsync(ScoringDbContext db, Actor actor, ScoringRun run, CancellationToken ct) =>
        actor.Role switch
        {
            Roles.Administrator => true,
            Roles.RuleMaintainer or Roles.Unit or Roles.Appraiser => actor.InTenant(run.TenantCode),
            Roles.Secretariat => actor.InTenant(run.TenantCode) && (await OwnGroupsOfRunAsync(db, actor, run, ct)).Count > 0,
            _ => false,
        };

    /// <summary>The secretariat's groups that exist in the tenant in that year, sorted.</summary>
    public static async Task<IReadOnlyList<string>> OwnGroupsInYearAsync(ScoringDbContext db, Actor actor, string tenant, int year, CancellationToken ct)
    {
        if (!actor.IsSecretariat || !actor.InTenant(tenant))
        {
            return [];
        }

        var groups = actor.Groups.ToList();
        var codes = await db.Groups.AsNoTracking().Where(g => g.TenantCode == tenant && g.Year == year && groups.Contains(g.Code))
            .Select(g => g.Code).ToListAsync(ct);
        return codes.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The groups of a run that the secretariat holds: the codes of the run's scope, or, for a run of every group, the
    /// secretariat's groups that exist in the run's year.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OwnGroupsOfRunAsync(ScoringDbContext db, Actor actor, ScoringRun run, CancellationToken ct)
    {
        if (!actor.IsSecretariat || !actor.InTenant(run.TenantCode))
        {
            return [];
        }

        return run.Scope == ScoringRun.AllGroupsScope
            ? await OwnGroupsInYearAsync(db, actor, run.TenantCode, run.Year, ct)
            : run.Scope.Split(',').Where(actor.HasGroup).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<bool> InOwnGroupAsync(ScoringDbContext db, Actor actor, string tenant, int year, string unit, CancellationToken ct)
    {
        var groups = actor.Groups.ToList();
        return await db.Groups.AnyAsync(g => g.TenantCode == tenant && g.Year == year && groups.Contains(g.Code) && g.Members.Any(m => m.UnitCode == unit), ct);
    }
}
