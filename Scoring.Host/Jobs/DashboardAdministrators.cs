using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace Scoring.Host.Jobs;

/// <summary>
/// Who may open the Hangfire dashboard (<c>/hangfire</c>): administrators only, signed in with the pages' cookie or proven by
/// a bearer token (the service's default scheme, <see cref="AuthExtensions.BearerOrCookie"/>, picks by the Authorization
/// header). The second check behind <see cref="DashboardGate"/>, which already answers everyone else 403; no one else gets
/// a read-only view.
/// </summary>
internal sealed class DashboardAdministrators : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var result = await http.AuthenticateAsync(AuthExtensions.BearerOrCookie);
        if (result.Succeeded && result.Principal is { } principal)
        {
            http.User = principal;   // Hangfire tells 401 from 403 by whether the user is signed in
            return principal.HasClaim(ClaimNames.Role, Roles.Administrator);
        }

        return false;
    }
}
