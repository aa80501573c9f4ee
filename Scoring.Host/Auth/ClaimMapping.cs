using System.Security.Claims;

namespace Scoring.Host.Auth;

/// <summary>
/// The claim types an external issuer uses for our role, tenant, unit and groups (<c>Auth:Claims:Role</c> etc.; each
/// defaults to our own name). After validation the mapped claims are copied under our names, a multi-valued claim
/// (a JSON array) of groups joined with commas, so the rest of the service reads only <see cref="ClaimNames"/>.
/// </summary>
internal sealed record ClaimMapping(string Role, string Tenant, string Unit, string Groups)
{
    public static readonly ClaimMapping Ours = new(ClaimNames.Role, ClaimNames.Tenant, ClaimNames.Unit, ClaimNames.Groups);

    public bool IsIdentity => this == Ours;

    public static ClaimMapping From(IConfiguration configuration) => new(
        Name(configuration, "Role", ClaimNames.Role),
        Name(configuration, "Tenant", ClaimNames.Tenant),
        Name(configuration, "Unit", ClaimNames.Unit),
        Name(configuration, "Groups", ClaimNames.Groups));

    /// <summary>Our claims taken from the mapped ones; null when there is nothing to add.</summary>
    public ClaimsIdentity? Map(ClaimsPrincipal principal)
    {
        var added = new List<Claim>();
        Copy(principal, Role, ClaimNames.Role, added, join: false);
        Copy(principal, Tenant, ClaimNames.Tenant, added, join: false);
        Copy(principal, Unit, ClaimNames.Unit, added, join: false);
        Copy(principal, Groups, ClaimNames.Groups, added, join: true);
        return added.Count == 0 ? null : new ClaimsIdentity(added, "mapped-claims", ClaimNames.Subject, ClaimNames.Role);
    }

    private static string Name(IConfiguration configuration, string key, string fallback) =>
        configuration["Auth:Claims:" + key] is { Length: > 0 } name ? name : fallback;

    private static void Copy(ClaimsPrincipal principal, string from, string to, List<Claim> added, bool join)
    {
        if (from == to || principal.HasClaim(c => c.Type == to))
        {
            return;
        }

        var values = principal.FindAll(from).Select(c => c.Value).Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            return;
        }

        if (join)
        {
            added.Add(new Claim(to, string.Join(',', values)));
        }
        else
        {
            added.AddRange(values.Select(v => new Claim(to, v)));
        }
    }
}
