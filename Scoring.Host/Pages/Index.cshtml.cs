using Scoring.Host.Infrastructure;
using Scoring.Host.Pages.Queries;

namespace Scoring.Host.Pages;

internal sealed class IndexModel(ScoringDbContext db) : PublicPageModel
{
    public IReadOnlyList<TenantSummary> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tenants = await new PublicResults(db).TenantsAsync(ct);
}
