namespace Scoring.Host.Auth;

/// <summary>Authorization policy names. Finer checks (own unit, own groups) are made per request by <see cref="Actor"/>.</summary>
internal static class Policies
{
    public const string Administrator = "administrator";
    public const string RuleMaintainer = "rule-maintainer";
    public const string Staff = "staff";
    public const string Authenticated = "authenticated";
}
