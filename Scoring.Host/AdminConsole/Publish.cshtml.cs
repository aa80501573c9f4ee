using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// The confirmation before publishing: it says in Vietnamese exactly what becomes public (which groups and units with their
/// ranks, totals and grades, which award proposals, at which address) and that it cannot be undone; the POST publishes
/// through <see cref="RunPublisher"/> (atomic, once, audited), as the API does.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class PublishModel(ScoringDbContext db, RunPublisher publisher) : ConsolePageModel
{
    public RunView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await RunView.LoadAsync(db, id, ct) is not { } view)
        {
            return Missing($"Không có lượt chấm {id}.");
        }

        if (view.Run.PublishedAt is not null || view.Run.Status != RunStatus.Completed)
        {
            return Redirect(RunsModel.PathOf(id));
        }

        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var outcome = await publisher.PublishAsync(id, AuditActor, ct);
        switch (outcome.Status)
        {
            case PublishStatus.NotFound:
                return Missing($"Không có lượt chấm {id}.");
            case PublishStatus.Published:
                TempData["Notice"] = $"Đã công bố lượt chấm {id}.";
                break;
            case PublishStatus.AlreadyPublished or PublishStatus.Raced:
                TempData["Error"] = $"Lượt chấm {id} đã được công bố trước đó; kết quả đã công bố không thay đổi được.";
                break;
            case PublishStatus.AwaitingCouncil:
                TempData["Error"] = outcome.Hold;
                break;
            default:
                TempData["Error"] = $"Lượt chấm {id} chưa chấm xong; chưa công bố được.";
                break;
        }

        return Redirect(RunsModel.PathOf(id));
    }
}
