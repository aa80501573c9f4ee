using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Loading;
using Scoring.Rules.Versions;

namespace Scoring.Host.Workbench;

/// <summary>
/// The difference between any two versions of a rule set (published or draft): what was added, removed and changed, in
/// words (the command line's diff), and with a year, the units whose rank or award changes on that year's stored data.
/// </summary>
internal sealed class CompareModel(ScoringDbContext db, PublishedRuleSets published, DraftSimulator simulator) : WorkbenchPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [FromQuery(Name = "tu")]
    public string? From { get; set; }

    [FromQuery(Name = "den")]
    public string? To { get; set; }

    [FromQuery(Name = "nam")]
    public int? Year { get; set; }

    public string Tenant { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>Every version, newest first, with whether it is a draft.</summary>
    public IReadOnlyList<(string Version, bool Draft)> Versions { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public RuleSetDiff? Diff { get; private set; }

    public IReadOnlyList<SimulationRow>? Impact { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RefuseNonMaintainer() is { } refused)
        {
            return refused;
        }

        var publishedVersions = await db.RuleSetVersions.AsNoTracking().Where(v => v.RuleSetId == Id).ToListAsync(ct);
        var draftVersions = await db.RuleSetDrafts.AsNoTracking().Where(v => v.RuleSetId == Id).ToListAsync(ct);
        if (publishedVersions.Count == 0 && draftVersions.Count == 0)
        {
            return Missing($"Không có bộ tiêu chí '{Id}'.");
        }

        (Tenant, Title) = publishedVersions.Count > 0 ? (publishedVersions[0].Tenant, publishedVersions[^1].Title) : (draftVersions[0].Tenant, draftVersions[0].Title);
        if (RefuseOutside(Tenant) is { } outside)
        {
            return outside;
        }

        Versions = publishedVersions.Select(v => (v.Version, false)).Concat(draftVersions.Select(d => (d.Version, true)))
            .OrderByDescending(v => v.Item1, SemanticVersion.StringComparer).ToList();
        Years = await db.Groups.AsNoTracking().Where(g => g.TenantCode == Tenant).Select(g => g.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        To ??= Versions[0].Version;
        From ??= Versions.Select(v => v.Version).FirstOrDefault(v => v != To) ?? To;

        RuleSetLoadResult? Load(string version) =>
            publishedVersions.FirstOrDefault(v => v.Version == version) is { } p ? published.Read(p)
            : draftVersions.FirstOrDefault(d => d.Version == version) is { } d ? RuleSetLoader.LoadText(d.Json, RuleSetDrafts.FileName(d)) : null;

        var (older, newer) = (Load(From), Load(To));
        if (older is null || newer is null)
        {
            Problem = $"Không có phiên bản {(older is null ? From : To)} của '{Id}'.";
            return Page();
        }

        if (!older.Succeeded || !newer.Succeeded)
        {
            Problem = $"Phiên bản {(older.Succeeded ? To : From)} còn lỗi nên chưa so sánh được; hãy sửa hết lỗi trong bản nháp.";
            return Page();
        }

        Diff = RuleSetDiff.Compare(older.Document!.RuleSet, newer.Document!.RuleSet);
        if (Year is { } year && Years.Contains(year))
        {
            (var rows, Problem) = await simulator.CompareAsync(Tenant, year, older.Document, newer.Document, ct);
            Impact = rows.Where(r => r.RankChanged || r.AwardFrom != r.AwardTo).ToList();
        }

        return Page();
    }
}
