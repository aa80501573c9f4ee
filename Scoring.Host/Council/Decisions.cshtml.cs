using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Text;

namespace Scoring.Host.Council;

/// <summary>
/// The council secretary's form for one run: the emulation council's decision on each appraised proposal (approved or not,
/// the secret ballot at a tie at the cut, the decision's number and date typed dd/MM/yyyy); after publication, the revocation
/// of an award with its reason and decision. The appraiser of Sở Nội vụ records both, as the council's secretary.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class DecisionsModel(CouncilService council) : CouncilPageModel
{
    private static readonly LocalDatePattern VietnameseDate = LocalDatePattern.CreateWithInvariantCulture("dd/MM/yyyy");

    [BindProperty]
    public long Proposal { get; set; }

    /// <summary>"yes" or "no".</summary>
    [BindProperty]
    public string? Approved { get; set; }

    [BindProperty]
    public int? VotesFor { get; set; }

    [BindProperty]
    public int? VotesAgainst { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    /// <summary>The decision's date as a person types it: dd/MM/yyyy.</summary>
    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostDecideAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var body = new DecisionRequest(Approved switch { "yes" => true, "no" => false, _ => null }, VotesFor, VotesAgainst, Number, IsoDate());
        var result = body.Date is null ? DateProblem : await council.DecideAsync(Actor, id, Proposal, body, ct);
        return await AfterAsync(id, Proposal, result, "Đã ghi quyết định của Hội đồng.", ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var body = new RevocationRequest(Reason, Number, IsoDate());
        var result = body.Date is null ? DateProblem : await council.RevokeAsync(Actor, id, Proposal, body, ct);
        return await AfterAsync(id, Proposal, result, "Đã ghi quyết định thu hồi khen thưởng.", ct);
    }

    private Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult DateProblem =>
        Problems.BadRequest($"Ngày quyết định '{Date}' cần có dạng dd/MM/yyyy, ví dụ 15/01/2026.");

    /// <summary>dd/MM/yyyy as the API's yyyy-MM-dd; null when it is not such a date.</summary>
    private string? IsoDate() =>
        VietnameseDate.Parse(Date?.Trim() ?? "") is { Success: true } parsed ? LocalDatePattern.Iso.Format(parsed.Value) : null;
}
