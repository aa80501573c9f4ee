using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Caching;

/// <summary>
/// Which publication of a tenant/year the database holds now: the number of published runs and the highest published run
/// id. Published runs are never unpublished or deleted, so every publish changes it. Cache entries are stored under the
/// generation they were read at, so an entry written before a publish (by a slow reader, or kept by a Redis that missed the
/// invalidation while it was down) can never be served after it.
/// </summary>
internal static class PublishGeneration
{
    public static async Task<string> ReadAsync(ScoringDbContext db, string tenant, int year, CancellationToken ct)
    {
        var published = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.TenantCode == tenant && r.Year == year && r.PublishedAt != null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Last = g.Max(r => r.Id) })
            .FirstOrDefaultAsync(ct);
        return published is null ? "g0" : string.Create(CultureInfo.InvariantCulture, $"g{published.Count}-{published.Last}");
    }

    /// <summary>The generation of every tenant and year together (the home page lists them all).</summary>
    public static async Task<string> ReadAllAsync(ScoringDbContext db, CancellationToken ct)
    {
        var published = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.PublishedAt != null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Last = g.Max(r => r.Id) })
            .FirstOrDefaultAsync(ct);
        return published is null ? "g0" : string.Create(CultureInfo.InvariantCulture, $"g{published.Count}-{published.Last}");
    }
}
