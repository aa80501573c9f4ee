namespace Scoring.Host.Tenants;

/// <summary>The tenant as stored (<see cref="Created"/> when it is new), or why the body was refused (Vietnamese, naming the field); nothing is written on a refusal.</summary>
internal sealed record TenantSaveOutcome(TenantDto? Saved, bool Created, string? Refusal)
{
    public static TenantSaveOutcome Refused(string refusal) => new(null, false, refusal);
}
