namespace Scoring.Host.Workbench;

/// <summary>Where an imported draft goes: a tenant the maintainer looks after and one of its movements ("" when it has none).</summary>
internal sealed record ImportTarget(string Tenant, string TenantName, string Movement, string MovementTitle)
{
    /// <summary>The form value: "son-la/dmst-cds-2025-2030".</summary>
    public string Value => Tenant + "/" + Movement;
}
