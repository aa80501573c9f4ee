using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Secretariat;

/// <summary>
/// One member unit's report for the secretariat: its values and evidence, and the review, return (comment required) and
/// lock actions, applied by the same <see cref="SubmissionWorkflow"/> as the API.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class ReportModel(SecretariatService secretariat, SubmissionWorkflow workflow, ScoringDbContext db) : WorkspacePageModel
{
    public GroupBoard Board { get; private set; } = null!;

    public BoardRow Row { get; private set; } = null!;

    public Submission? Submission { get; private set; }

    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<EvidenceFile> Evidence { get; private set; } = [];

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
        if (Submission is not null)
        {
            Values = await SubmissionsApi.CurrentValuesAsync(db, Submission, ct);
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
