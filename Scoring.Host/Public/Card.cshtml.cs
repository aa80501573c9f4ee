using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Public;

/// <summary>A unit's published card: why it got its score, criterion by criterion, and the pinned rule set.</summary>
[OutputCache(PolicyName = PublishedPageCachePolicy.Name)]
internal sealed class CardModel(PublicResults results) : PublicPageModel
{
    public UnitCard? Card { get; private set; }

    public async Task<IActionResult> OnGetAsync(string tenant, int year, string unit, CancellationToken ct)
    {
        Card = await results.CardAsync(tenant, year, unit, ct);
        return Card is null ? Missing($"Chưa có phiếu điểm công bố năm {year} của đơn vị “{unit}”.") : Page();
    }
}
