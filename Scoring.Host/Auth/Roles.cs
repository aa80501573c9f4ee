namespace Scoring.Host.Auth;

/// <summary>The role names carried in the token's <c>role</c> claim.</summary>
internal static class Roles
{
    public const string Administrator = "administrator";
    public const string RuleMaintainer = "rule-maintainer";
    public const string Secretariat = "secretariat";
    public const string Unit = "unit";
    public const string Public = "public";

    public static readonly string[] All = [Administrator, RuleMaintainer, Secretariat, Unit, Public];
}
