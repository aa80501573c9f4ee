using System.Globalization;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Jobs;

/// <summary>
/// The yearly scoring jobs: one Hangfire recurring job per movement of a tenant (<c>yearly:{tenant}:{movement}</c>), firing
/// at 23:59:59 of that movement's report-deadline day in its zone (Asia/Ho_Chi_Minh) and calling
/// <see cref="YearlyScoringJob.FireAsync"/> with the tenant and the movement. <see cref="SyncAsync(string, IReadOnlyCollection{Movement}, CancellationToken)"/>
/// brings a tenant's jobs in line with its stored movements: a new movement gets a job (and a ledger entry, see
/// <see cref="YearlyScoringLedger"/>), a changed deadline or zone re-schedules that job only, and the tenant's other yearly
/// jobs are removed (recognised by the tenant in their arguments, never by name).
/// </summary>
internal sealed class YearlySchedule(IRecurringJobManager recurring, JobStorage storage, IServiceScopeFactory scopes, IClock clock)
{
    public static string JobIdFor(string tenant, string movement) => $"yearly:{tenant}:{movement}";

    /// <summary>Loads the tenant's movements and synchronises its jobs with them.</summary>
    public async Task SyncAsync(ScoringDbContext db, string tenant, CancellationToken ct) =>
        await SyncAsync(tenant, await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).ToListAsync(ct), ct);

    public async Task SyncAsync(string tenant, IReadOnlyCollection<Movement> movements, CancellationToken ct)
    {
        var stored = YearlyJobs();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
            foreach (var movement in movements)
            {
                await YearlyScoringLedger.StartAsync(db, movement.TenantCode, movement.Code, YearlyScoringJob.YearOf(movement, clock.GetCurrentInstant()), ct);
                var id = JobIdFor(movement.TenantCode, movement.Code);
                var cron = Cron(movement.ReportDeadline);
                if (stored.FirstOrDefault(j => j.Id == id) is { } current && current.Cron == cron && current.TimeZoneId == movement.TimeZone && !current.Removed)
                {
                    continue;   // unchanged: keep its next execution
                }

                var tenantCode = movement.TenantCode;
                var movementCode = movement.Code;
                recurring.AddOrUpdate<YearlyScoringJob>(id, j => j.FireAsync(tenantCode, movementCode, CancellationToken.None), cron,
                    new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(movement.TimeZone) });
            }
        }

        // The tenant's other yearly jobs: of movements it no longer has (by the tenant in the job's arguments).
        var wanted = movements.Select(m => JobIdFor(tenant, m.Code)).ToHashSet(StringComparer.Ordinal);
        foreach (var job in stored.Where(j => !wanted.Contains(j.Id) && TenantOf(j) == tenant))
        {
            recurring.RemoveIfExists(job.Id);
        }
    }

    /// <summary>The stored yearly scoring jobs (recurring jobs calling <see cref="YearlyScoringJob.FireAsync"/>), of every tenant.</summary>
    public List<RecurringJobDto> YearlyJobs()
    {
        using var connection = storage.GetConnection();
        return [.. connection.GetRecurringJobs().Where(j => j.Job?.Type == typeof(YearlyScoringJob) && j.Job.Method.Name == nameof(YearlyScoringJob.FireAsync))];
    }

    /// <summary>"MM-dd" → a cron (with seconds) firing at 23:59:59 on that day every year.</summary>
    public static string Cron(string reportDeadline) =>
        $"59 59 23 {int.Parse(reportDeadline[3..], CultureInfo.InvariantCulture)} {int.Parse(reportDeadline[..2], CultureInfo.InvariantCulture)} *";

    private static string? TenantOf(RecurringJobDto job) => job.Job.Args.Count > 0 ? job.Job.Args[0] as string : null;
}
