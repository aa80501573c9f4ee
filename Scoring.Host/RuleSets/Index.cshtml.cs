using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.RuleSets;

internal sealed class RuleSetsModel(ScoringDbContext db, PublicResults results) : PublicPageModel
{
    public IReadOnlyList<RuleSetVersion> Versions { get; private set; } = [];

    public IReadOnlyDictionary<string, string> TenantNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Versions = await results.RuleSetsAsync(ct);
        TenantNames = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
    }
}
