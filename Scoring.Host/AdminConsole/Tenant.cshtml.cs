using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// One tenant as the administrator reads it: its movements (report deadlines), the phases and award forms of its rule
/// sets (latest published versions), its units with validity and successors, and the groups of a chosen year with their
/// members, head and deputy.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class TenantModel(ScoringDbContext db, PublishedRuleSets ruleSets) : ConsolePageModel
{
    public Tenant Tenant { get; private set; } = null!;

    public IReadOnlyList<Movement> Movements { get; private set; } = [];

    public IReadOnlyList<TenantRuleSet> RuleSets { get; private set; } = [];

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int? Year { get; private set; }

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public static string PathOf(string tenant) => $"{Root}/tinh/{tenant}";

    public async Task<IActionResult> OnGetAsync(string tenant, int? nam, CancellationToken ct)
    {
        if (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == tenant, ct) is not { } found)
        {
            return Missing($"Không có tỉnh/xã '{tenant}'.");
        }

        Tenant = found;
        Movements = await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).OrderBy(m => m.Code).ToListAsync(ct);
        var versions = await db.RuleSetVersions.AsNoTracking().Where(v => v.Tenant == tenant).ToListAsync(ct);
        RuleSets = versions.GroupBy(v => v.RuleSetId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(v => v.Version, Scoring.Rules.Versions.SemanticVersion.StringComparer).First())
            .Select(v => new TenantRuleSet(v, ruleSets.RuleSet(v))).ToList();
        Units = await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant).OrderBy(u => u.Code).ToListAsync(ct);
        Years = await db.Groups.AsNoTracking().Where(g => g.TenantCode == tenant).Select(g => g.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        Year = nam is { } y && Years.Contains(y) ? y : Years.Count > 0 ? Years[0] : null;
        Groups = Year is { } year
            ? await db.Groups.AsNoTracking().Include(g => g.Members).Where(g => g.TenantCode == tenant && g.Year == year).OrderBy(g => g.Code).ToListAsync(ct)
            : [];
        return Page();
    }

    public string UnitName(string code) => Units.FirstOrDefault(u => u.Code == code)?.Name ?? code;
}
