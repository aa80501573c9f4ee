using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Versions;

namespace Scoring.Host.Workbench;

/// <summary>Every rule set the maintainer looks after, by tenant and movement, with its published versions and drafts.</summary>
internal sealed class IndexModel(ScoringDbContext db, RuleSetDrafts drafts, PublishedRuleSets published) : WorkbenchPageModel
{
    public IReadOnlyList<WorkbenchRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> TenantNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RefuseNonMaintainer() is { } refused)
        {
            return refused;
        }

        var versions = (await db.RuleSetVersions.AsNoTracking().ToListAsync(ct)).Where(v => RuleSetDrafts.CanMaintain(Actor, v.Tenant));
        var rows = versions.Select(v =>
        {
            var read = published.Read(v);
            var rs = read.Document?.RuleSet;
            return new WorkbenchRow(v.Tenant, rs?.Movement ?? "", v.RuleSetId, v.Title, v.Version, false,
                rs is null ? "" : $"{rs.Years.From}–{rs.Years.To}", rs is null ? "" : string.Join(", ", rs.UnitKinds), v.Sha256,
                v.PublishedAt, v.PublishedBy, null);
        }).ToList();
        foreach (var d in await drafts.ListAsync(Actor, ct))
        {
            var root = TryParse(d.Json);
            rows.Add(new WorkbenchRow(d.Tenant, root?["movement"]?.ToString() ?? "", d.RuleSetId, d.Title, d.Version, true,
                root?["years"] is JObject y ? $"{y["from"]}–{y["to"]}" : "", root?["unitKinds"] is JArray k ? string.Join(", ", k) : "", null,
                d.UpdatedAt, d.UpdatedBy, d.BasedOnVersion));
        }

        Rows = rows.OrderBy(r => r.Tenant, StringComparer.Ordinal).ThenBy(r => r.Movement, StringComparer.Ordinal)
            .ThenBy(r => r.RuleSetId, StringComparer.Ordinal).ThenByDescending(r => r.Version, SemanticVersion.StringComparer).ToList();
        TenantNames = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return Page();
    }

    private static JObject? TryParse(string json)
    {
        try
        {
            return JObject.Parse(json);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }
}
