using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Reviews;

/// <summary>
/// One review for the standing agency and administrators: its state (refreshing itself while it runs), the yearly runs it
/// counted, the phase rankings per cluster/bloc and across the tenant, the award proposals, the report (.xlsx, print), and
/// for administrators the publish form with a confirmation of what becomes public.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class ReviewModel(ScoringDbContext db, ReviewPublisher publisher) : WorkspacePageModel
{
    public PhaseReviewRecord Review { get; private set; } = null!;

    public ReviewInputs Inputs { get; private set; } = null!;

    public ReviewView? View { get; private set; }

    public string TenantName { get; private set; } = "";

    public string? Notice => TempData["Notice"] as string;

    public string? ErrorNotice => TempData["Error"] as string;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (View is null && Review.Status != RunStatus.Failed)
        {
            // The page refreshes itself (no script) until the review is done, as the console's run page does.
            Response.Headers["Refresh"] = "2";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(long id, bool confirm, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (!Actor.IsAdministrator)
        {
            return Forbidden("Chỉ quản trị viên công bố kết quả sơ kết.");
        }

        if (!confirm)
        {
            TempData["Error"] = "Hãy đánh dấu ô xác nhận trước khi công bố.";
            return Redirect(ReviewPaths.Of(id));
        }

        var (status, _, _) = await publisher.PublishAsync(id, AuditTrail.Describe(Actor), ct);
        TempData[status == PublishStatus.Published ? "Notice" : "Error"] = status switch
        {
            PublishStatus.Published => "Đã công bố kết quả sơ kết; trang công khai đã hiển thị.",
            PublishStatus.AlreadyPublished => "Đợt sơ kết này đã công bố trước đó.",
            _ => "Đợt sơ kết chưa xong; chưa công bố được.",
        };
        return Redirect(ReviewPaths.Of(id));
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var review = await db.PhaseReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return Missing($"Không có đợt sơ kết {id}.");
        }

        if (!ReviewsApi.CanReadUnpublished(Actor, review.TenantCode))
        {
            return Forbidden(IndexModel.ForStaff);
        }

        Review = review;
        Inputs = RunJson.Deserialize<ReviewInputs>(review.InputsJson);
        View = review.ResultJson is { } json ? ReviewView.Read(json) : null;
        TenantName = await db.Tenants.AsNoTracking().Where(t => t.Code == review.TenantCode).Select(t => t.Name).FirstAsync(ct);
        return null;
    }
}
