namespace Scoring.Host.DataFolder;

/// <summary>The tenant (province or commune) of a data folder and its movement, from tenant.json.</summary>
internal sealed record TenantInfo(string Code, string Name, MovementInfo Movement);
