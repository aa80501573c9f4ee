namespace Scoring.Host.Tenants;

/// <summary>The authority running a movement: a province or a commune. Code is its stable key (e.g. "son-la").</summary>
internal sealed class Tenant
{
    public required string Code { get; set; }

    public required string Name { get; set; }
}
