using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>
/// Quotas: at most PerGroup per group and PerTenant across all groups scored together; MaxShare (e.g. 0.2)
/// of the base named by ShareOf: "group" (members of the group) or an award id (units qualifying for that award).
/// </summary>
public sealed record AwardQuota(int? PerGroup, int? PerTenant, decimal? MaxShare, string? ShareOf);
