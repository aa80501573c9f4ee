using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.AdminConsole;

/// <summary>The console's start: the tenants with their counts, and the administrator's work in the order of a year.</summary>
[Authorize(Policies.Authenticated)]
internal sealed class IndexModel(ScoringDbContext db) : ConsolePageModel
{
    public const string Path = Root;

    public IReadOnlyList<(Tenant Tenant, int Units, int Accounts)> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().GroupBy(u => u.TenantCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var accounts = await db.Users.AsNoTracking().Where(a => a.TenantCode != null).GroupBy(a => a.TenantCode!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Tenants = tenants.Select(t => (t, units.GetValueOrDefault(t.Code), accounts.GetValueOrDefault(t.Code))).ToList();
    }
}
