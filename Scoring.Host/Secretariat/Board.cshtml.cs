using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Secretariat;

/// <summary>
/// The secretariat's board of one cluster/bloc in a year: counts by status, a status filter, bulk lock of reviewed reports
/// reminders to the members that have not submitted, and the one action that scores the group.
/// </summary>
[Authorize(Policies.Authenticated)]
internal sealed class BoardModel(SecretariatService secretariat, SubmissionWorkflow workflow, SecretariatReminders reminders) : WorkspacePageModel
{
    public GroupBoard Board { get; private set; } = null!;

    public BoardStatus? Filter { get; private set; }

    /// <summary>Per member reminded this year: how many reminders and when the last one was queued.</summary>
    public IReadOnlyDictionary<string, (int Count, NodaTime.Instant Last)> Reminded { get; private set; } = new Dictionary<string, (int, NodaTime.Instant)>();

    public IEnumerable<BoardRow> Remindable => Board.Rows.Where(SecretariatReminders.Remindable);

    public IEnumerable<BoardRow> Shown => Filter is { } f ? Board.Rows.Where(r => r.Status == f) : Board.Rows;

    public static string PathOf(string tenant, int year, string group) => $"/thu-ky/{tenant}/{year}/{group}";

    public async Task<IActionResult> OnGetAsync(string tenant, int year, string group, string? trangThai, CancellationToken ct)
    {
        var refused = await LoadAsync(tenant, year, group, ct);
        Filter = BoardStatusText.FromSlug(trangThai);
        return refused ?? Page();
    }

    /// <summary>Locks the ticked reports one by one through the workflow; each refusal is reported by unit.</summary>
    public async Task<IActionResult> OnPostLockAsync(string tenant, int year, string group, string[] units, CancellationToken ct)
    {
        if (await LoadAsync(tenant, year, group, ct) is { } refused)
        {
            return refused;
        }

        if (units.Length == 0)
        {
            TempData["Error"] = "Hãy chọn ít nhất một hồ sơ đã thẩm định để khóa.";
            return Redirect(PathOf(tenant, year, group));
        }

        var members = Board.Rows.Select(r => r.Unit).ToHashSet(StringComparer.Ordinal);
        var locked = new List<string>();
        var errors = new List<string>();
        foreach (var unit in units.Distinct(StringComparer.Ordinal))
        {
            if (!members.Contains(unit))
            {
                errors.Add($"Đơn vị '{unit}' không thuộc {Board.Name}.");
                continue;
            }

            var outcome = await workflow.ApplyAsync(Actor, tenant, year, unit, null, SubmissionStatus.Locked, null, ct);
            if (outcome.Error is { } error)
            {
                errors.Add($"{unit}: {error}");
            }
            else
            {
                locked.Add(unit);
            }
        }

        if (locked.Count > 0)
        {
            TempData["Notice"] = $"Đã khóa {locked.Count} hồ sơ: {string.Join(", ", locked)}.";
        }

        if (errors.Count > 0)
        {
            TempData["Error"] = string.Join(" ", errors);
        }

        return Redirect(PathOf(tenant, year, group));
    }

    /// <summary>Reminds the ticked members that have not submitted (outbox and audit); says who was reminded, who already was today.</summary>
    public async Task<IActionResult> OnPostRemindAsync(string tenant, int year, string group, string[] nhac, string? loiNhan, CancellationToken ct)
    {
        if (await LoadAsync(tenant, year, group, ct) is { } refused)
        {
            return refused;
        }

        var outcome = await reminders.SendAsync(Actor, Board, nhac, loiNhan, ct);
        var notices = new List<string>();
        if (outcome.Sent.Count > 0)
        {
            notices.Add($"Đã gửi nhắc nhở tới {outcome.Sent.Count} đơn vị: {string.Join(", ", outcome.Sent)}.");
        }

        if (outcome.AlreadyToday.Count > 0)
        {
            notices.Add($"Đã nhắc hôm nay, không gửi lại: {string.Join(", ", outcome.AlreadyToday)}.");
        }

        if (notices.Count > 0)
        {
            TempData["Notice"] = string.Join(" ", notices);
        }

        if (outcome.Refused.Count > 0)
        {
            TempData["Error"] = string.Join(" ", outcome.Refused);
        }

        return Redirect(PathOf(tenant, year, group));
    }

    public async Task<IActionResult> OnPostRunAsync(string tenant, int year, string group, CancellationToken ct)
    {
        if (await LoadAsync(tenant, year, group, ct) is { } refused)
        {
            return refused;
        }

        var started = await secretariat.RunAsync(Actor, tenant, year, group, ct);
        if (started.Count == 0)
        {
            TempData["Error"] = $"Chưa có bộ tiêu chí đã công bố áp dụng cho các đơn vị của {Board.Name} năm {year}; không thể chấm.";
            return Redirect(PathOf(tenant, year, group));
        }

        return Redirect(RunModel.PathOf(started[^1].Id, group));
    }

    private async Task<IActionResult?> LoadAsync(string tenant, int year, string group, CancellationToken ct)
    {
        if (!SecretariatService.MayAct(Actor, tenant, group))
        {
            return Forbidden($"Bạn không phải thư ký của cụm/khối '{group}' ({tenant}); bạn chỉ xem được bảng theo dõi của cụm/khối mình ({Actor.GroupList}).");
        }

        var board = await secretariat.BoardAsync(tenant, year, group, ct);
        if (board is null)
        {
            return Missing($"Không có cụm/khối '{group}' năm {year} trong '{tenant}'.");
        }

        Board = board;
        Reminded = await reminders.SummaryAsync(board, ct);
        return null;
    }
}
