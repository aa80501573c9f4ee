using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Workbench;

/// <summary>
/// The same draft as JSON: edit everything the forms do not show (indicators' details, phases, prerequisites, test cases)
/// and save; the diagnostics list line, column and JSON path. Text that is not JSON is not saved, and stays in the box.
/// </summary>
internal sealed class JsonModel(RuleSetDrafts drafts) : WorkbenchPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [FromRoute]
    public string Version { get; set; } = "";

    public RuleSetDraft Draft { get; private set; } = null!;

    public DraftCheck Check { get; private set; } = null!;

    /// <summary>What the box shows: the stored JSON, or the text a failed save refused.</summary>
    public string Text { get; private set; } = "";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        Text = Draft.Json;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int revision, string? json, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var outcome = await drafts.SaveAsync(Id, Version, json ?? "", revision, Actor, ct);
        if (outcome.Forbidden)
        {
            return Forbidden(outcome.Problem!);
        }

        if (!outcome.Succeeded)
        {
            Error = outcome.Problem;
            Text = json ?? "";
            return Page();
        }

        TempData["Notice"] = $"Đã lưu (lần lưu thứ {outcome.Draft!.Revision}). " + EditorModel.Summary(DraftCheck.Of(outcome.Draft));
        return Redirect(WorkbenchPaths.Json(Id, Version));
    }

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
        Check = DraftCheck.Of(draft);
        return RefuseOutside(draft.Tenant);
    }
}
