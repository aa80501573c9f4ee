namespace Scoring.Host.Auth;

/// <summary>Claim types in our tokens: <c>role</c>, <c>tenant</c>, <c>unit</c> (a unit's code), <c>groups</c> (comma-separated group codes).</summary>
internal static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Tenant = "tenant";
    public const string Unit = "unit";
    public const string Groups = "groups";
}
