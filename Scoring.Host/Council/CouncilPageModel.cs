using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Council;

/// <summary>
/// Base of the appraiser's run pages: loads the run and its proposals with what has been recorded on them, refuses anyone but
/// the tenant's appraisers and administrators (the Vietnamese 403 page), and turns a service refusal into a message beside
/// the proposal's form.
/// </summary>
public abstract class CouncilPageModel : WorkspacePageModel
{
    internal ScoringRun Run { get; private set; } = null!;

    internal IReadOnlyList<ProposalReview> Proposals { get; private set; } = [];

    internal string TenantName { get; private set; } = "";

    internal bool CouncilRequired { get; private set; }

    /// <summary>The proposal whose form was posted and refused, and why (shown beside that form, with the values typed).</summary>
    public long? FailedProposal { get; private set; }

    public string? Error { get; private set; }

    public string? Notice => TempData["Notice"] as string;

    private protected async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var services = HttpContext.RequestServices;
        var db = services.GetRequiredService<ScoringDbContext>();
        if (await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } run)
        {
            return Missing($"Không có lượt chấm {id}.");
        }

        if (!CouncilService.CanAct(Actor, run))
        {
            return Forbidden($"Trang này dành cho cán bộ thẩm định Sở Nội vụ của '{run.TenantCode}' và quản trị viên.");
        }

        if (run.Status != RunStatus.Completed)
        {
            return Missing($"Lượt chấm {id} chưa hoàn tất; chưa có đề nghị khen thưởng để thẩm định.");
        }

        Run = run;
        TenantName = (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Code == run.TenantCode, ct))?.Name ?? run.TenantCode;
        Proposals = (await ProposalReviews.OfRunsAsync(db, [run.Id], ct)).Values.OrderBy(r => r.Entry.GroupCode, StringComparer.Ordinal)
            .ThenBy(r => r.Entry.Rank).ThenBy(r => r.Entry.Id).ToList();
        CouncilRequired = await services.GetRequiredService<CouncilGate>().RequiredAsync(run, ct);
        return null;
    }

    /// <summary>After a write: back to the page with a notice, or the page again with the refusal beside the proposal's form.</summary>
    private protected async Task<IActionResult> AfterAsync(long id, long proposal, Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<ProposalDto>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult> result,
        string notice, CancellationToken ct)
    {
        if (result.Result is Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem)
        {
            if (problem.StatusCode == StatusCodes.Status403Forbidden)
            {
                return Forbidden(problem.ProblemDetails.Detail ?? "");
            }

            if (await LoadAsync(id, ct) is { } refusal)
            {
                return refusal;
            }

            (FailedProposal, Error) = (proposal, problem.ProblemDetails.Detail);
            return Page();
        }

        TempData["Notice"] = notice;
        return Redirect(Request.Path + "#de-nghi-" + proposal);
    }
}
