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

    public bool IsSecretariat => Role == Roles.Secretariat;

    public bool IsAppraiser => Role == Roles.Appraiser;

    /// <summary>
    /// Administrators act on every tenant. A rule maintainer whose token names no tenant acts on any; every other role only
    /// on the tenant in its token, because unit and group codes mean something only inside one tenant.
    /// </summary>
    public bool InTenant(string tenant) =>
        IsAdministrator || (Tenant is null ? Role == Roles.RuleMaintainer : string.Equals(Tenant, tenant, StringComparison.Ordinal));

    public bool IsUnit(string unitCode) => Role == Roles.Unit && string.Equals(Unit, unitCode, StringComparison.Ordinal);

    public bool HasGroup(string groupCode) => Role == Roles.Secretariat && Groups.Contains(groupCode);

    /// <summary>The groups in a secretariat's token, sorted, for messages ("cum-1, cum-2").</summary>
    public string GroupList => Groups.Count == 0 ? "không có" : string.Join(", ", Groups.Order(StringComparer.Ordinal));
}
