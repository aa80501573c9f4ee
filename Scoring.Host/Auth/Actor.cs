using System.Security.Claims;

namespace Scoring.Host.Auth;

/// <summary>Who is calling: the role, and the tenant, unit or groups the role is limited to. Anonymous callers are <see cref="Roles.Public"/>.</summary>
internal sealed record Actor(string Name, string Role, string? Tenant, string? Unit, IReadOnlySet<string> Groups)
{
    public static Actor From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new Actor("anonymous", Roles.Public, null, null, new HashSet<string>());
        }

        var role = user.FindFirst(ClaimNames.Role)?.Value ?? user.FindFirst(ClaimTypes.Role)?.Value ?? Roles.Public;
        var groups = (user.FindFirst(ClaimNames.Groups)?.Value ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        var name = user.FindFirst(ClaimNames.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? role;
        return new Actor(name, role, user.FindFirst(ClaimNames.Tenant)?.Value, user.FindFirst(ClaimNames.Unit)?.Value, groups);
    }

    public bool IsAdministrator => Role == Roles.Administrator;

    public bool IsRuleMaintainer => Role is Roles.RuleMaintainer or Roles.Administrator;

    /// <summary>Administrators act on every tenant; other roles only on the tenant in their token (any, when the token names none).</summary>
    public bool InTenant(string tenant) => IsAdministrator || Tenant is null || string.Equals(Tenant, tenant, StringComparison.Ordinal);

    public bool IsUnit(string unitCode) => Role == Roles.Unit && string.Equals(Unit, unitCode, StringComparison.Ordinal);

    public bool HasGroup(string groupCode) => Role == Roles.Secretariat && Groups.Contains(groupCode);
}
