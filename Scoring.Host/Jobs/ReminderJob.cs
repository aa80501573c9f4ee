using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Quartz;
using Scoring.Host.Audit;
using Scoring.Host.Domain;
using Scoring.Host.Infrastructure;

namespace Scoring.Host.Jobs;

/// <summary>
/// Daily: within <c>Reminders:DaysBefore</c> days (default 7) of a movement's report deadline, writes one reminder per unit
/// that has not submitted to the outbox (no mail server) and the audit log. The unique dedup key keeps it to one per unit and year.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReminderJob(IServiceScopeFactory scopes, IClock clock, IConfiguration configuration, ILogger<ReminderJob> logger) : IJob
{
    private static readonly SubmissionStatus[] Done = [SubmissionStatus.Submitted, SubmissionStatus.Reviewed, SubmissionStatus.Locked];

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) => await RemindAsync(ct);

    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var daysBefore = configuration.GetValue("Reminders:DaysBefore", 7);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var now = clock.GetCurrentInstant();
        var written = 0;
        foreach (var movement in await db.Movements.AsNoTracking().ToListAsync(ct))
        {
            var today = now.InZone(DateTimeZoneProviders.Tzdb[movement.TimeZone]).Date;
            var deadline = movement.DeadlineIn(today.Year);
            var daysLeft = Period.Between(today, deadline, PeriodUnits.Days).Days;
            if (daysLeft < 0 || daysLeft > daysBefore)
            {
                continue;
            }

            var year = today.Year;
            var members = await db.GroupMembers.AsNoTracking()
                .Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.TenantCode == movement.TenantCode && g.Year == year))
                .Select(m => m.UnitCode).Distinct().ToListAsync(ct);
            var submitted = await db.Submissions.AsNoTracking()
                .Where(s => s.TenantCode == movement.TenantCode && s.Year == year && Done.Contains(s.Status)).Select(s => s.UnitCode).ToListAsync(ct);
            var existing = (await db.Outbox.AsNoTracking().Where(o => o.TenantCode == movement.TenantCode && o.Kind == "reminder")
                .Select(o => o.DedupKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var deadlineText = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu").Format(deadline);
            foreach (var unit in members.Except(submitted).Order(StringComparer.Ordinal))
            {
                var key = $"reminder:{movement.TenantCode}:{year.ToString(CultureInfo.InvariantCulture)}:{unit}";
                if (existing.Contains(key))
                {
                    continue;
                }

                db.Outbox.Add(new OutboxMessage
                {
                    CreatedAt = now, Kind = "reminder", TenantCode = movement.TenantCode, Recipient = unit, DedupKey = key,
                    Subject = $"Nhắc nộp báo cáo phong trào thi đua năm {year}",
                    Body = $"Đơn vị {unit} chưa nộp báo cáo kết quả phong trào \"{movement.Title}\" năm {year}. Hạn nộp: {deadlineText} (còn {daysLeft} ngày).",
                });
                audit.Record(db, "scheduler", "reminder.queue", "outbox", key, null, new { unit, year, deadline = deadlineText });
                written++;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another node queued the same reminders at the same moment; theirs stand.
            logger.LogInformation(e, "Reminders were queued concurrently by another node.");
            return 0;
        }

        if (written > 0)
        {
            logger.LogInformation("Queued {Count} deadline reminder(s).", written);
        }

        return written;
    }
}
