using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Scoring.Host.Accounts;

/// <summary>
/// The signed-in cookie carries the claims a JWT carries (<c>sub</c>, <c>role</c>, <c>tenant</c>, <c>unit</c>, <c>groups</c>),
/// so <see cref="Actor.From"/>, the policies and <see cref="AccessGuard"/> treat a page's caller as they treat a token's.
/// </summary>
internal sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    /// <summary>Present while the account still has its initial (or reset) password.</summary>
    public const string MustChangePassword = "must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimNames.Role, user.Role));
        if (user.TenantCode is { Length: > 0 } tenant)
        {
            identity.AddClaim(new Claim(ClaimNames.Tenant, tenant));
        }

        if (user.UnitCode is { Length: > 0 } unit)
        {
            identity.AddClaim(new Claim(ClaimNames.Unit, unit));
        }

        if (user.Groups is { Length: > 0 } groups)
        {
            identity.AddClaim(new Claim(ClaimNames.Groups, groups));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }

        return identity;
    }
}
