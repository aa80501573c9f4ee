using Microsoft.EntityFrameworkCore;
using Scoring.Host.Domain;
using Scoring.Host.Infrastructure;
using Scoring.Host.Pages.Queries;

namespace Scoring.Host.Pages.RuleSets;

internal sealed class RuleSetsModel(ScoringDbContext db) : PublicPageModel
{
    public IReadOnlyList<RuleSetVersion> Versions { get; private set; } = [];

    public IReadOnlyDictionary<string, string> TenantNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Versions = await new PublicResults(db).RuleSetsAsync(ct);
        TenantNames = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
    }
}
