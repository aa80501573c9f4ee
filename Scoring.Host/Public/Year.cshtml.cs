using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Public;

/// <summary>The published rankings of a tenant's year, per cluster/bloc, and the award proposals.</summary>
[OutputCache(PolicyName = PublishedPageCachePolicy.Name)]
internal sealed class YearModel(PublicResults results) : PublicPageModel
{
    public YearResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(string tenant, int year, CancellationToken ct)
    {
        Results = await results.YearAsync(tenant, year, ct);
        return Results is null ? Missing($"Chưa có kết quả công bố năm {year} của “{tenant}”.") : Page();
    }
}
