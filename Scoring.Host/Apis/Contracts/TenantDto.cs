namespace Scoring.Host.Apis.Contracts;

public sealed record TenantDto(string Code, string Name, IReadOnlyList<MovementDto> Movements);
