using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Reviews;

/// <summary>
/// The latest published review of a tenant's phase, for everyone, in the style of the public year page: rankings per
/// cluster/bloc by unit code and name, the ranking across the tenant, and the award proposals. Output-cached like the
/// other public pages, under the tenant's review generation (<see cref="ReviewGeneration"/>).
/// </summary>
[OutputCache(PolicyName = PublishedPageCachePolicy.Name)]
internal sealed class PublicReviewModel(ScoringDbContext db) : PublicPageModel
{
    public PhaseReviewRecord Review { get; private set; } = null!;

    public ReviewView View { get; private set; } = null!;

    public string TenantName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string tenant, string phase, CancellationToken ct)
    {
        var review = await db.PhaseReviews.AsNoTracking().Where(r => r.TenantCode == tenant && r.Phase == phase && r.PublishedAt != null)
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (review?.ResultJson is not { } json)
        {
            return Missing($"Chưa có kết quả sơ kết giai đoạn {phase} của “{tenant}” được công bố.");
        }

        Review = review;
        View = ReviewView.Read(json);
        TenantName = await db.Tenants.AsNoTracking().Where(t => t.Code == tenant).Select(t => t.Name).FirstAsync(ct);
        return Page();
    }
}
