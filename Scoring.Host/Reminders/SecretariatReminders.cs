using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Engine.Text;

namespace Scoring.Host.Reminders;

/// <summary>
/// A secretariat reminds the members of its cluster/bloc that have not submitted the year's report (none yet, a draft, or
/// returned and not yet resubmitted): one message per unit and day in the outbox, with the deadline, the days left or
/// overdue and an optional note, audited under the secretariat's name. The unit reads it on its report page.
/// </summary>
internal sealed class SecretariatReminders(ScoringDbContext db, AuditTrail audit, IClock clock)
{
    public const int MaxNoteLength = 500;

    /// <summary>A member that still owes its report.</summary>
    public static bool Remindable(BoardRow row) => row.Status is BoardStatus.NotSubmitted or BoardStatus.Returned;

    public async Task<ReminderOutcome> SendAsync(Actor actor, GroupBoard board, IReadOnlyCollection<string> units, string? note, CancellationToken ct)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            return new ReminderOutcome([], [], [$"Lời nhắn dài {note.Length} ký tự; hãy rút gọn còn tối đa {MaxNoteLength} ký tự."]);
        }

        if (units.Count == 0)
        {
            return new ReminderOutcome([], [], ["Hãy chọn ít nhất một đơn vị chưa nộp báo cáo để nhắc."]);
        }

        var movement = ReportDeadline.Of(await db.Movements.AsNoTracking().Where(m => m.TenantCode == board.Tenant).ToListAsync(ct), board.Year);
        if (movement is null)
        {
            return new ReminderOutcome([], [], [$"'{board.Tenant}' chưa khai báo phong trào thi đua nào, nên chưa có hạn nộp để nhắc."]);
        }

        var now = clock.GetCurrentInstant();
        var today = now.InZone(DateTimeZoneProviders.Tzdb[movement.TimeZone]).Date;
        var deadline = movement.DeadlineIn(board.Year);
        var daysLeft = Period.Between(today, deadline, PeriodUnits.Days).Days;
        var when = daysLeft switch { > 0 => $"còn {daysLeft} ngày", 0 => "hôm nay là ngày cuối", _ => $"đã quá hạn {-daysLeft} ngày" };
        var (sent, already, refused) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var unit in units.Distinct(StringComparer.Ordinal))
        {
            var row = board.Rows.FirstOrDefault(r => r.Unit == unit);
            if (row is null)
            {
                refused.Add($"Đơn vị '{unit}' không thuộc {board.Name}.");
                continue;
            }

            if (!Remindable(row))
            {
                refused.Add($"{row.Name} đã nộp báo cáo (trạng thái “{BoardStatusText.Title(row.Status)}”), không cần nhắc.");
                continue;
            }

            var owes = row.Status == BoardStatus.Returned
                ? $"chưa nộp lại báo cáo năm {board.Year} đã được trả lại để bổ sung"
                : $"chưa nộp báo cáo kết quả phong trào \"{movement.Title}\" năm {board.Year}";
            var message = new OutboxMessage
            {
                CreatedAt = now, Kind = ReminderOutbox.Kind, TenantCode = board.Tenant, Recipient = unit,
                DedupKey = ReminderOutbox.SecretariatKey(board.Tenant, board.Year, unit, today),
                Subject = $"Nhắc nộp báo cáo thi đua năm {board.Year} ({board.Name})",
                Body = $"Thư ký {board.Name} nhắc: {row.Name} {owes}. Hạn nộp: {VnFormat.Date(deadline)} ({when})."
                    + (note is null ? "" : $" Lời nhắn của thư ký: {note}"),
            };
            var details = new { unit, year = board.Year, group = board.Code, deadline = VnFormat.Date(deadline), note };
            (await ReminderOutbox.TryQueueAsync(db, audit, AuditTrail.Describe(actor), message, details, ct) ? sent : already).Add(row.Name);
        }

        return new ReminderOutcome(sent, already, refused);
    }

    /// <summary>For each member reminded this year (by the job or a secretariat): how many reminders and the last one's time.</summary>
    public Task<IReadOnlyDictionary<string, (int Count, Instant Last)>> SummaryAsync(GroupBoard board, CancellationToken ct) =>
        ReminderOutbox.SummaryAsync(db, board.Tenant, board.Year, [.. board.Rows.Select(r => r.Unit)], ct);
}
