using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scoring.Rules.Model;

namespace Scoring.Host.Secretariat;

/// <summary>
/// One member unit's report for the secretariat: its values and evidence, and the review, return (comment required) and
/// lock actions, applied by the same <see cref="SubmissionWorkflow"/> as the API. Values and evidence are named by the
/// Vietnamese titles of the rule set that will score the unit (the unit's own form), in that rule set's order.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class ReportModel(SecretariatService secretariat, SubmissionWorkflow workflow, ScoringDbContext db, PublishedRuleSets ruleSets)
    : WorkspacePageModel
{
    public GroupBoard Board { get; private set; } = null!;

    public BoardRow Row { get; private set; } = null!;

    public Submission? Submission { get; private set; }

    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<EvidenceFile> Evidence { get; private set; } = [];

    /// <summary>The indicators of the rule set that applies to the unit in the year, by id; empty when none applies.</summary>
    public IReadOnlyDictionary<string, IndicatorDefinition> Indicators { get; private set; } = new Dictionary<string, IndicatorDefinition>();

    /// <summary>The values in the rule set's order, then any the rule set does not declare (by id).</summary>
    public IEnumerable<KeyValuePair<string, string>> OrderedValues
    {
        get
        {
            var order = Indicators.Keys.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
            return Values.OrderBy(v => order.GetValueOrDefault(v.Key, int.MaxValue)).ThenBy(v => v.Key, StringComparer.Ordinal);
        }
    }

    /// <summary>How an indicator reads on the page: its Vietnamese title, or its id when the rule set does not declare it.</summary>
    public string TitleOf(string? indicator) => indicator is null ? "cả hồ sơ" : Indicators.TryGetValue(indicator, out var d) ? d.Title : indicator;

    [BindProperty]
    public string? Comments { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string tenant, int year, string group, string unit, CancellationToken ct) =>
        await LoadAsync(tenant, year, group, unit, ct) ?? Page();

    public Task<IActionResult> OnPostReviewAsync(string tenant, int year, string group, string unit, CancellationToken ct) =>
        TransitionAsync(tenant, year, group, unit, SubmissionStatus.Reviewed, "Đã thẩm định hồ sơ.", ct);

    public Task<IActionResult> OnPostReturnAsync(string tenant, int year, string group, string unit, CancellationToken ct) =>
        TransitionAsync(tenant, year, group, unit, SubmissionStatus.Returned, "Đã trả lại hồ sơ kèm ý kiến cho đơn vị.", ct);

    public Task<IActionResult> OnPostLockAsync(string tenant, int year, string group, string unit, CancellationToken ct) =>
        TransitionAsync(tenant, year, group, unit, SubmissionStatus.Locked, "Đã khóa hồ sơ.", ct);

    private async Task<IActionResult> TransitionAsync(string tenant, int year, string group, string unit, SubmissionStatus target, string done, CancellationToken ct)
    {
        if (await LoadAsync(tenant, year, group, unit, ct) is { } refused)
        {
            return refused;
        }

        var outcome = await workflow.ApplyAsync(Actor, tenant, year, unit, Request.Form["etag"], target, Comments, ct);
        if (outcome.Error is { } error)
        {
            if (outcome.Status == StatusCodes.Status403Forbidden)
            {
                return Forbidden(error);
            }

            Error = error;
            Response.StatusCode = outcome.Status;
            return Page();
        }

        TempData["Notice"] = done;
        return Redirect($"{BoardModel.PathOf(tenant, year, group)}/don-vi/{unit}");
    }

    private async Task<IActionResult?> LoadAsync(string tenant, int year, string group, string unit, CancellationToken ct)
    {
        if (!SecretariatService.MayAct(Actor, tenant, group))
        {
            return Forbidden($"Bạn không phải thư ký của cụm/khối '{group}' ({tenant}); bạn chỉ xem được hồ sơ của cụm/khối mình ({Actor.GroupList}).");
        }

        var board = await secretariat.BoardAsync(tenant, year, group, ct);
        if (board?.Rows.FirstOrDefault(r => r.Unit == unit) is not { } row)
        {
            return Missing($"Không có đơn vị '{unit}' trong cụm/khối '{group}' năm {year}.");
        }

        Board = board;
        Row = row;
        Submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.TenantCode == tenant && s.Year == year && s.UnitCode == unit, ct);
        var kind = await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant && u.Code == unit).Select(u => u.Kind).FirstOrDefaultAsync(ct);
        if (kind is not null && await ApplicableRuleSet.ForAsync(db, ruleSets, tenant, year, kind, ct) is { } applicable)
        {
            Indicators = applicable.Document.RuleSet.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        }

        if (Submission is not null)
        {
            Values = await SubmissionReader.CurrentValuesAsync(db, Submission, ct);
            var id = Submission.Id;
            Evidence = await db.EvidenceFiles.AsNoTracking().Where(e => e.SubmissionId == id).OrderBy(e => e.Id)
                .Select(e => new EvidenceFile
                {
                    Id = e.Id, Indicator = e.Indicator, FileName = e.FileName, ContentType = e.ContentType, Size = e.Size, Sha256 = e.Sha256,
                    Content = Array.Empty<byte>(), UploadedAt = e.UploadedAt, UploadedBy = e.UploadedBy,
                }).ToListAsync(ct);
        }

        return null;
    }
}
