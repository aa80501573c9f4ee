namespace Scoring.Host.Public;

/// <summary>A unit found by the search box, with the years it has a published card.</summary>
internal sealed record UnitMatch(string TenantCode, string TenantName, string Code, string Name, IReadOnlyList<int> PublishedYears);
