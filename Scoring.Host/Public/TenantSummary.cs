
namespace Scoring.Host.Public;

/// <summary>A tenant on the home page: its movements and the years that have published results.</summary>
internal sealed record TenantSummary(string Code, string Name, IReadOnlyList<MovementDto> Movements, IReadOnlyList<int> PublishedYears);
