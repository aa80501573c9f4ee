using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Council;

/// <summary>The appraiser's start: the tenant's completed runs, newest first, with how far their proposals have come.</summary>
[Authorize(Policies.Authenticated)]
internal sealed class IndexModel(ScoringDbContext db) : WorkspacePageModel
{
    public IReadOnlyList<(ScoringRun Run, int Proposals, int Appraised, int Decided, int Revoked)> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Actor.IsAppraiser && !Actor.IsAdministrator)
        {
            return Forbidden("Trang này dành cho cán bộ thẩm định Sở Nội vụ.");
        }

        var runs = await db.ScoringRuns.AsNoTracking().Where(r => r.Status == RunStatus.Completed && (Actor.IsAdministrator || r.TenantCode == Actor.Tenant))
            .OrderByDescending(r => r.Id).Take(100).ToListAsync(ct);
        var reviews = await ProposalReviews.OfRunsAsync(db, [.. runs.Select(r => r.Id)], ct);
        var byRun = reviews.Values.ToLookup(r => r.Entry.RunId);
        Runs = [.. runs.Select(r => (r, byRun[r.Id].Count(), byRun[r.Id].Count(x => x.Appraisal is not null), byRun[r.Id].Count(x => x.Decision is not null),
            byRun[r.Id].Count(x => x.Revocation is not null)))];
        return Page();
    }
}
