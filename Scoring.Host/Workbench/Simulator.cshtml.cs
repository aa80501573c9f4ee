using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Versions;

namespace Scoring.Host.Workbench;

/// <summary>
/// The simulator: a chosen year of the tenant's stored data scored with the draft and with a published version, side by
/// side (total, grade, rank, award; what changed). A GET: it stores nothing.
/// </summary>
internal sealed class SimulatorModel(ScoringDbContext db, RuleSetDrafts drafts, PublishedRuleSets published, DraftSimulator simulator) : WorkbenchPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [FromRoute]
    public string Version { get; set; } = "";

    [FromQuery(Name = "nam")]
    public int? Year { get; set; }

    [FromQuery(Name = "so-voi")]
    public string? CompareWith { get; set; }

    public RuleSetDraft Draft { get; private set; } = null!;

    public DraftCheck Check { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<string> PublishedVersions { get; private set; } = [];

    public IReadOnlyList<SimulationRow>? Rows { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RefuseNonMaintainer() is { } refused)
        {
            return refused;
        }

        if (await drafts.FindAsync(Id, Version, ct) is not { } draft)
        {
            return Missing($"Không có bản nháp {Version} của bộ tiêu chí '{Id}' (có thể đã được công bố hoặc xóa).");
        }

        Draft = draft;
        if (RefuseOutside(draft.Tenant) is { } outside)
        {
            return outside;
        }

        Check = DraftCheck.Of(draft);
        Years = await db.Groups.AsNoTracking().Where(g => g.TenantCode == draft.Tenant).Select(g => g.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var versions = await db.RuleSetVersions.AsNoTracking().Where(v => v.RuleSetId == Id).ToListAsync(ct);
        PublishedVersions = versions.Select(v => v.Version).OrderByDescending(v => v, SemanticVersion.StringComparer).ToList();
        CompareWith ??= PublishedVersions.Contains(draft.BasedOnVersion ?? "") ? draft.BasedOnVersion : PublishedVersions.FirstOrDefault();
        if (Year is not { } year)
        {
            return Page();
        }

        if (!Check.Load.Succeeded)
        {
            Problem = "Bản nháp còn lỗi nên chưa chấm thử được; hãy sửa hết lỗi trong thẻ Biểu mẫu.";
            return Page();
        }

        if (versions.FirstOrDefault(v => v.Version == CompareWith) is not { } baseline)
        {
            Problem = "Bộ tiêu chí này chưa có phiên bản đã công bố để so sánh.";
            return Page();
        }

        if (!Years.Contains(year))
        {
            Problem = $"Chưa có dữ liệu cụm/khối năm {year} của '{draft.Tenant}'.";
            return Page();
        }

        (Rows, Problem) = await simulator.CompareAsync(draft.Tenant, year, published.Document(baseline), Check.Load.Document!, ct);
        return Page();
    }
}
