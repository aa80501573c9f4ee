using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Reviews;

/// <summary>
/// The phase review report as a print-ready A4 page (like the secretariat's council print view): the rankings per
/// cluster/bloc, the award proposals, the rule sets, yearly runs and hashes it rests on, and signature blocks.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class PrintModel(ScoringDbContext db) : WorkspacePageModel
{
    public PhaseReviewRecord Review { get; private set; } = null!;

    public ReviewInputs Inputs { get; private set; } = null!;

    public ReviewView View { get; private set; } = null!;

    public string TenantName { get; private set; } = "";

    public string Today { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, [FromServices] NodaTime.IClock clock, CancellationToken ct)
    {
        var review = await db.PhaseReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return Missing($"Không có đợt sơ kết {id}.");
        }

        if (review.PublishedAt is null && !ReviewsApi.CanReadUnpublished(Actor, review.TenantCode))
        {
            return Forbidden(IndexModel.ForStaff);
        }

        if (review.ResultJson is not { } json)
        {
            return Missing($"Đợt sơ kết {id} chưa xong; chưa có văn bản để in.");
        }

        Review = review;
        Inputs = RunJson.Deserialize<ReviewInputs>(review.InputsJson);
        View = ReviewView.Read(json);
        TenantName = await db.Tenants.AsNoTracking().Where(t => t.Code == review.TenantCode).Select(t => t.Name).FirstAsync(ct);
        var today = clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date;
        Today = $"ngày {today.Day:00} tháng {today.Month:00} năm {today.Year}";
        return Page();
    }
}
