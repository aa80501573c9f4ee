using Microsoft.AspNetCore.OutputCaching;

namespace Scoring.Host.Public;

[OutputCache(PolicyName = PublishedPageCachePolicy.Name)]
internal sealed class IndexModel(PublicResults results) : PublicPageModel
{
    public IReadOnlyList<TenantSummary> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tenants = await results.TenantsAsync(ct);
}
