using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;

namespace Scoring.Host.Workbench;

/// <summary>
/// The structured editor of a draft: every part of the rule set as forms and tables, validated on every save with each
/// diagnostic beside the field it concerns, the rule set's own test cases run; publish and delete.
/// </summary>
internal sealed class EditorModel(RuleSetDrafts drafts) : WorkbenchPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [FromRoute]
    public string Version { get; set; } = "";

    public RuleSetDraft Draft { get; private set; } = null!;

    public IReadOnlyList<EditorBlock> Blocks { get; private set; } = [];

    public DraftCheck Check { get; private set; } = null!;

    public IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Placed { get; private set; } = new Dictionary<string, IReadOnlyList<Diagnostic>>();

    /// <summary>What the importer could not read, until the maintainer marks it finished.</summary>
    public ImportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        Build();
        return Page();
    }

    /// <summary>Saves the form (and one add/remove), whatever the validator will say; the page after the redirect shows it.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int revision, string? op, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var root = JObject.Parse(Draft.Json);
        DraftFormInput.Apply(root, Request.Form.Where(f => f.Key.Contains(':', StringComparison.Ordinal)), op);
        var outcome = await drafts.SaveAsync(Id, Version, root.ToString(), revision, Actor, ct);
        if (outcome.Forbidden)
        {
            return Forbidden(outcome.Problem!);
        }

        if (!outcome.Succeeded)
        {
            TempData["Error"] = outcome.Problem;
            return Redirect(WorkbenchPaths.Editor(Id, Version));
        }

        var check = DraftCheck.Of(outcome.Draft!);
        TempData["Notice"] = $"Đã lưu (lần lưu thứ {outcome.Draft!.Revision}). " + Summary(check);
        return Redirect(WorkbenchPaths.Editor(Id, Version) + Where(op));
    }

    public async Task<IActionResult> OnPostPublishAsync(int revision, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var (outcome, publication) = await drafts.PublishAsync(Id, Version, revision, Actor, ct);
        if (outcome.Forbidden)
        {
            return Forbidden(outcome.Problem!);
        }

        if (!outcome.Succeeded)
        {
            TempData["Error"] = "Chưa công bố: " + outcome.Problem;
            return Redirect(WorkbenchPaths.Editor(Id, Version));
        }

        var version = publication!.Version!;
        TempData["Notice"] = $"Đã công bố {version.RuleSetId} phiên bản {version.Version}; mã băm SHA-256: {version.Sha256}. Phiên bản này không bao giờ thay đổi.";
        return Redirect(WorkbenchPaths.Index);
    }

    /// <summary>The maintainer has finished the rows the importer could not read: the list goes away.</summary>
    public async Task<IActionResult> OnPostClearReportAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var outcome = await drafts.ClearImportReportAsync(Id, Version, Actor, ct);
        if (outcome.Forbidden)
        {
            return Forbidden(outcome.Problem!);
        }

        TempData["Notice"] = outcome.Succeeded ? "Đã ẩn danh sách các dòng chưa đọc được khi nhập." : outcome.Problem;
        return Redirect(WorkbenchPaths.Editor(Id, Version));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var outcome = await drafts.DeleteAsync(Id, Version, Actor, ct);
        if (outcome.Forbidden)
        {
            return Forbidden(outcome.Problem!);
        }

        TempData["Notice"] = outcome.Succeeded ? $"Đã xóa bản nháp {Id} phiên bản {Version}." : outcome.Problem;
        return Redirect(WorkbenchPaths.Index);
    }

    /// <summary>"2 lỗi, 1 cảnh báo; 3/3 ca kiểm thử đạt." for the notice after a save.</summary>
    public static string Summary(DraftCheck check) =>
        (check.Errors == 0 && check.Warnings == 0 ? "Không có lỗi hay cảnh báo" : $"{check.Errors} lỗi, {check.Warnings} cảnh báo")
        + (check.Tests is { } t ? $"; {t.PassedCount}/{t.Results.Length} ca kiểm thử đạt." : "; sửa hết lỗi để chạy ca kiểm thử.");

    /// <summary>After adding or removing, the page opens at the list that changed.</summary>
    private static string Where(string? op) =>
        op?.Split('|') is [_, var path] && path.StartsWith('$') ? "#" + WorkbenchPaths.AnchorOf(path.EndsWith(']') ? DiagnosticPlacement.Parent(path) : path) : "";

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
        return RefuseOutside(draft.Tenant);
    }

    private void Build()
    {
        Check = DraftCheck.Of(Draft);
        Report = ImportReport.FromJson(Draft.ImportReport);
        Blocks = DraftForm.Build(JObject.Parse(Draft.Json));
        Placed = DiagnosticPlacement.Place(Blocks.SelectMany(b => b.Anchors), Check.Diagnostics);
    }
}
