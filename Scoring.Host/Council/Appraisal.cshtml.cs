using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Council;

/// <summary>
/// The appraiser's workspace for one run: each award proposal with the engine's reason, confirmed or adjusted (another form of
/// the pinned rule set, or withdrawn) with a written reason, every earlier appraisal listed.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class AppraisalModel(CouncilService council, PublishedRuleSets ruleSets, ScoringDbContext db) : CouncilPageModel
{
    [BindProperty]
    public long Proposal { get; set; }

    /// <summary>"confirm", or the id of the form now proposed, or "-" to withdraw the proposal.</summary>
    [BindProperty]
    public string? Choice { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<(string Id, string Title)> Awards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadPageAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadPageAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var body = Choice switch
        {
            "confirm" => new AppraisalRequest("confirm", null, Reason),
            "-" => new AppraisalRequest("adjust", null, Reason),
            null or "" => new AppraisalRequest(null, null, Reason),
            _ => new AppraisalRequest("adjust", Choice, Reason),
        };
        var result = await council.AppraiseAsync(Actor, id, Proposal, body, ct);
        return await AfterAsync(id, Proposal, result, "Đã ghi kết quả thẩm định.", ct);
    }

    private async Task<IActionResult?> LoadPageAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var version = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.RuleSetVersions, v => v.Id == Run.RuleSetVersionId, ct);
        Awards = [.. ruleSets.RuleSet(version).Awards.Select(a => (a.Id, a.Title))];
        return null;
    }
}
