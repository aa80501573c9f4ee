using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Reviews;

/// <summary>
/// The standing agency's (rule maintainers') and administrators' phase reviews: start a review of a tenant's phase, and the
/// tenant's reviews with their state. Everyone else gets the Vietnamese 403 page.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class IndexModel(ScoringDbContext db, ReviewService reviews, PublishedRuleSets ruleSets) : WorkspacePageModel
{
    public const string ForStaff = "Sơ kết, tổng kết giai đoạn dành cho cơ quan thường trực (cán bộ quản lý bộ tiêu chí) và quản trị viên.";

    public IReadOnlyList<(string Code, string Name)> Tenants { get; private set; } = [];

    public string? Tenant { get; private set; }

    public IReadOnlyList<string> Phases { get; private set; } = [];

    public IReadOnlyList<PhaseReviewRecord> Reviews { get; private set; } = [];

    public string? ErrorNotice => TempData["Error"] as string;

    public async Task<IActionResult> OnGetAsync(string? tenant, CancellationToken ct)
    {
        if (!Actor.IsRuleMaintainer)
        {
            return Forbidden(ForStaff);
        }

        Tenants = (await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct))
            .Where(t => Actor.InTenant(t.Code)).Select(t => (t.Code, t.Name)).ToList();
        Tenant = tenant is not null && Tenants.Any(t => t.Code == tenant) ? tenant : Tenants.FirstOrDefault().Code;
        if (Tenant is null)
        {
            return Page();
        }

        var versions = await db.RuleSetVersions.AsNoTracking().Where(v => v.Tenant == Tenant).ToListAsync(ct);
        Phases = versions.Select(v => ruleSets.Read(v)).Where(l => l.Succeeded).SelectMany(l => l.Document!.RuleSet.Phases.Select(p => p.Id))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Reviews = await db.PhaseReviews.AsNoTracking().Where(r => r.TenantCode == Tenant).OrderByDescending(r => r.Id).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string tenant, string phase, CancellationToken ct)
    {
        if (!Actor.IsRuleMaintainer || !Actor.InTenant(tenant))
        {
            return Forbidden(ForStaff);
        }

        if (string.IsNullOrWhiteSpace(phase) || phase.Length > 64)
        {
            TempData["Error"] = "Hãy chọn giai đoạn (ví dụ 2025-2027) rồi bắt đầu sơ kết.";
            return Redirect($"{ReviewPaths.Index}?tenant={Uri.EscapeDataString(tenant)}");
        }

        var outcome = await reviews.EnqueueAsync(tenant, phase.Trim(), AuditTrail.Describe(Actor), ct);
        if (outcome.Review is not { } review)
        {
            TempData["Error"] = outcome.Refusal;
            return Redirect($"{ReviewPaths.Index}?tenant={Uri.EscapeDataString(tenant)}");
        }

        return Redirect(ReviewPaths.Of(review.Id));
    }

    public static string StatusText(PhaseReviewRecord r) => r.PublishedAt is not null ? "Đã công bố" : r.Status switch
    {
        RunStatus.Queued => "Đang chờ",
        RunStatus.Running => "Đang sơ kết",
        RunStatus.Completed => "Đã xong, chưa công bố",
        _ => "Lỗi",
    };
}
