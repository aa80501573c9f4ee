using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Scoring.Host.Accounts;

/// <summary>
/// A person's sign-in for the web workspaces. It carries exactly one of the API's roles and that role's scope, and signs
/// in with the same claims a JWT carries (<see cref="AccountClaimsFactory"/>), so every authorization check reads them alike.
/// </summary>
internal sealed class Account : IdentityUser
{
    public required string DisplayName { get; set; }

    public required string Role { get; set; }

    public string? TenantCode { get; set; }

    public string? UnitCode { get; set; }

    /// <summary>A secretariat's group codes, comma-separated, as the JWT's <c>groups</c> claim.</summary>
    public string? Groups { get; set; }

    /// <summary>Set by an initial or reset password: the next sign-in must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Disabled by an administrator: cannot sign in, and a session still open ends at its next check.</summary>
    public bool Disabled { get; set; }

    public Instant CreatedAt { get; set; }
}
