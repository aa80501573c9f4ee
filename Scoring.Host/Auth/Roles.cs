namespace Scoring.Host.Auth;

/// <summary>The role names carried in the token's <c>role</c> claim.</summary>
internal static class Roles
{
    public const string Administrator = "administrator";
    public const string RuleMaintainer = "rule-maintainer";
    public const string Secretariat = "secretariat";
    public const string Unit = "unit";

    /// <summary>An appraiser of the Department of Home Affairs (Sở Nội vụ) of one tenant: appraises award proposals and records the council's decisions.</summary>
    public const string Appraiser = "appraiser";
    public const string Public = "public";

    public static readonly string[] All = [Administrator, RuleMaintainer, Secretariat, Unit, Appraiser, Public];
}
