using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Jobs;

/// <summary>
/// Daily: at each of <c>Reminders:DaysBefore</c> (default 7, 3 and 1 days) before a tenant's report deadline (the earliest
/// of its movements' deadlines, <see cref="ReportDeadline"/>; local date in the movement's zone, Asia/Ho_Chi_Minh), writes one reminder to the outbox (no mail server) and the audit log for
/// every unit of the year's groups that has not submitted by then. The outbox's unique key
/// <c>reminder:{tenant}:{year}:{unit}:{offset}d</c> and an insert that skips existing keys keep it to one message per
/// unit, year and offset however often the job fires, on however many hosts; the audit entry is written only with a
/// message that was actually inserted, in the same transaction.
/// </summary>
[AutomaticRetry(Attempts = 3)]
internal sealed class ReminderJob(IServiceScopeFactory scopes, IClock clock, IConfiguration configuration, ILogger<ReminderJob> logger)
{
    /// <summary>The daily recurring job's id.</summary>
    public const string RecurringJobId = "reminders";
    private static readonly SubmissionStatus[] Done = [SubmissionStatus.Submitted, SubmissionStatus.Reviewed, SubmissionStatus.Locked];
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");

    public static string KeyFor(string tenant, int year, string unit, int daysBefore) =>
        ReminderOutbox.Prefix(tenant, year, unit) + daysBefore.ToString(CultureInfo.InvariantCulture) + "d";

    /// <summary>Queues the reminders due now; returns how many this call inserted. The daily recurring job's entry point.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var offsets = ReminderOffsets.From(configuration);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var now = clock.GetCurrentInstant();
        var written = 0;
        foreach (var tenant in (await db.Movements.AsNoTracking().ToListAsync(ct)).GroupBy(m => m.TenantCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // One report per unit and year: due by the earliest of the tenant's movement deadlines (ReportDeadline).
            var movement = ReportDeadline.Of(tenant, now.InZone(DateTimeZoneProviders.Tzdb[tenant.First().TimeZone]).Year)!;
            var today = now.InZone(DateTimeZoneProviders.Tzdb[movement.TimeZone]).Date;
            var year = today.Year;
            var deadline = movement.DeadlineIn(year);
            var daysLeft = Period.Between(today, deadline, PeriodUnits.Days).Days;
            if (offsets.DueAt(daysLeft) is not { } due)
            {
                continue;
            }

            var members = await db.GroupMembers.AsNoTracking()
                .Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.TenantCode == movement.TenantCode && g.Year == year))
                .Select(m => m.UnitCode).Distinct().ToListAsync(ct);
            var submitted = await db.Submissions.AsNoTracking()
                .Where(s => s.TenantCode == movement.TenantCode && s.Year == year && Done.Contains(s.Status)).Select(s => s.UnitCode).ToListAsync(ct);
            var deadlineText = DayPattern.Format(deadline);
            foreach (var unit in members.Except(submitted).Order(StringComparer.Ordinal))
            {
                var message = new OutboxMessage
                {
                    CreatedAt = now, Kind = ReminderOutbox.Kind, TenantCode = movement.TenantCode, Recipient = unit, DedupKey = KeyFor(movement.TenantCode, year, unit, due),
                    Subject = $"Nhắc nộp báo cáo phong trào thi đua năm {year}",
                    Body = $"Đơn vị {unit} chưa nộp báo cáo kết quả phong trào \"{movement.Title}\" năm {year}. Hạn nộp: {deadlineText} "
                        + (daysLeft == 0 ? "(hôm nay là ngày cuối)." : $"(còn {daysLeft} ngày)."),
                };
                if (await ReminderOutbox.TryQueueAsync(db, audit, "scheduler", message, new { unit, year, deadline = deadlineText, daysBefore = due }, ct))
                {
                    written++;
                }
            }
        }

        if (written > 0)
        {
            logger.LogInformation("Queued {Count} deadline reminder(s).", written);
        }

        return written;
    }
}
