using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Workbench;

/// <summary>A new draft version from an existing one (1.2.0 from 1.1.0): the number is proposed, the maintainer may change it.</summary>
internal sealed class NewVersionModel(ScoringDbContext db, RuleSetDrafts drafts) : WorkbenchPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [FromRoute(Name = "version")]
    public string From { get; set; } = "";

    [BindProperty]
    public string NewVersion { get; set; } = "";

    public string Title { get; private set; } = "";

    public string Tenant { get; private set; } = "";

    public bool SourceIsDraft { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        NewVersion = await ProposeAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var outcome = await drafts.CreateFromAsync(Id, From, NewVersion.Trim(), Actor, ct);
        if (outcome.Forbidden)
        {
            return Forbidden(outcome.Problem!);
        }

        if (!outcome.Succeeded)
        {
            Error = outcome.Problem;
            return Page();
        }

        TempData["Notice"] = $"Đã tạo bản nháp phiên bản {outcome.Draft!.Version} từ phiên bản {From}. Sửa, kiểm tra, chấm thử rồi công bố.";
        return Redirect(WorkbenchPaths.Editor(Id, outcome.Draft.Version));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (RefuseNonMaintainer() is { } refused)
        {
            return refused;
        }

        var published = await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.RuleSetId == Id && v.Version == From, ct);
        var draft = published is null ? await drafts.FindAsync(Id, From, ct) : null;
        if (published is null && draft is null)
        {
            return Missing($"Không có phiên bản {From} của bộ tiêu chí '{Id}'.");
        }

        (Title, Tenant, SourceIsDraft) = published is not null ? (published.Title, published.Tenant, false) : (draft!.Title, draft.Tenant, true);
        return RefuseOutside(Tenant);
    }

    /// <summary>The next minor version after the source that no version of the rule set has yet (1.1.0 → 1.2.0, or 1.3.0 when 1.2.0 exists).</summary>
    private async Task<string> ProposeAsync(CancellationToken ct)
    {
        var taken = (await db.RuleSetVersions.AsNoTracking().Where(v => v.RuleSetId == Id).Select(v => v.Version).ToListAsync(ct))
            .Concat(await db.RuleSetDrafts.AsNoTracking().Where(d => d.RuleSetId == Id).Select(d => d.Version).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        if (From.Split('.', '-') is not [var a, var b, ..] || !int.TryParse(a, out var major) || !int.TryParse(b, out var minor))
        {
            return "";
        }

        var next = $"{major}.{++minor}.0";
        while (taken.Contains(next))
        {
            next = $"{major}.{++minor}.0";
        }

        return next;
    }
}
