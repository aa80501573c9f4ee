using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Reviews;

/// <summary>
/// A key that changes whenever a tenant publishes a review (count and last id of its published reviews); the public review
/// pages are cached under it (<see cref="PublishedPageCachePolicy"/>), so no host serves a page from before a publish.
/// </summary>
internal static class ReviewGeneration
{
    public static async Task<string> ReadAsync(ScoringDbContext db, string tenant, CancellationToken ct)
    {
        var published = await db.PhaseReviews.AsNoTracking()
            .Where(r => r.TenantCode == tenant && r.PublishedAt != null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Last = g.Max(r => r.Id) })
            .FirstOrDefaultAsync(ct);
        return published is null ? "r0" : string.Create(CultureInfo.InvariantCulture, $"r{published.Count}-{published.Last}");
    }
}
