using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// One run: its progress while it runs (the page refreshes itself, no script), then each group's ranking and the award
/// proposals; before publication the way to the confirmation page, after it the published result and its public address.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class RunModel(ScoringDbContext db) : ConsolePageModel
{
    public const int RefreshSeconds = 2;

    public RunView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await RunView.LoadAsync(db, id, ct) is not { } view)
        {
            return Missing($"Không có lượt chấm {id}.");
        }

        View = view;
        if (view.Run.Status is RunStatus.Queued or RunStatus.Running)
        {
            Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }
}
