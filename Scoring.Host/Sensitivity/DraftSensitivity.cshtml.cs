using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// The workbench's rank-sensitivity tab: a draft on a stored year of its tenant, for the maintainers of that tenant and
/// administrators (the workbench's rule). The form posts (antiforgery) and the analysis is shown on the same page; nothing
/// is stored.
/// </summary>
internal sealed class DraftSensitivityModel(ScoringDbContext db, RuleSetDrafts drafts, SensitivityAnalyses analyses) : WorkbenchPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [FromRoute]
    public string Version { get; set; } = "";

    [BindProperty(Name = "nam")]
    public int? Year { get; set; }

    [BindProperty(Name = "bien-do")]
    public string? Spread { get; set; }

    [BindProperty(Name = "so-lan")]
    public string? Samples { get; set; }

    [BindProperty(Name = "hat-giong")]
    public string? Seed { get; set; }

    public RuleSetDraft Draft { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public SensitivityForm Form { get; private set; } = SensitivityForm.Default;

    public SensitivityView? Result { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        (var parameters, Form) = new SensitivityForm(Spread ?? "", Samples ?? "", Seed ?? "").Read();
        if (parameters is null)
        {
            return Page();
        }
        if (Year is not { } year || !Years.Contains(year))
        {
            Problem = Year is null ? "Hãy chọn năm số liệu." : $"Chưa có dữ liệu cụm/khối năm {Year} của '{Draft.Tenant}'.";
            return Page();
        }

        var outcome = await analyses.ForDraftAsync(Draft, year, parameters, ct);
        Problem = outcome.Problem;
        Result = outcome.Report is { } report ? new SensitivityView(report, outcome.AwardTitles) : null;
        return Page();
    }

    /// <summary>The draft and its tenant's years; null when the page may be shown, else the 403 or 404 page.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
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
        Years = await db.Groups.AsNoTracking().Where(g => g.TenantCode == draft.Tenant).Select(g => g.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        return null;
    }
}
