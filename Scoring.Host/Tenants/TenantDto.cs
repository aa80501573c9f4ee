namespace Scoring.Host.Tenants;

public sealed record TenantDto(string Code, string Name, IReadOnlyList<MovementDto> Movements);
