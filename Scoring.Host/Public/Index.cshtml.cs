
namespace Scoring.Host.Public;

internal sealed class IndexModel(ScoringDbContext db) : PublicPageModel
{
    public IReadOnlyList<TenantSummary> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tenants = await new PublicResults(db).TenantsAsync(ct);
}
