
namespace Scoring.Host.Public;

internal sealed class IndexModel(PublicResults results) : PublicPageModel
{
    public IReadOnlyList<TenantSummary> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tenants = await results.TenantsAsync(ct);
}
