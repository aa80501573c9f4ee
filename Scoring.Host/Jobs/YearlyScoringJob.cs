using Hangfire;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Rules.Versions;

namespace Scoring.Host.Jobs;

/// <summary>
/// The yearly scoring of a movement, fired by its recurring job at the report deadline (Asia/Ho_Chi_Minh), and the catch-up
/// at start. It scores every year after the movement's last scored year (<see cref="YearlyScoringLedger"/>) whose deadline
/// has passed by the clock, then records it: a deadline missed while no host ran is scored once when a host is back (in
/// January the missed year is still the one whose deadline passed), and a second firing finds nothing left to score. A year
/// is scored by enqueueing a run of the tenant's year with the latest version of each rule set of that movement (a rule set's
/// <c>movement</c>; one naming a movement the tenant does not have is scored with the tenant's first movement); enqueueing
/// is idempotent, so two firings racing for one year create each run once.
/// </summary>
[AutomaticRetry(Attempts = 3)]
internal sealed class YearlyScoringJob(IServiceScopeFactory scopes, IClock clock, ILogger<YearlyScoringJob> logger)
{
    /// <summary>The recurring job's entry point: scores what is due for one movement.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task FireAsync(string tenant, string movementCode, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var movement = await db.Movements.AsNoTracking().FirstOrDefaultAsync(m => m.TenantCode == tenant && m.Code == movementCode, ct);
        if (movement is null)
        {
            logger.LogWarning("Yearly scoring of {Tenant}/{Movement}: the movement no longer exists; nothing to score.", tenant, movementCode);
            return;
        }

        await ScoreDueYearsAsync(db, movement, ct);
    }

    /// <summary>At start (unless calendar jobs are paused): scores what is due for every movement, e.g. a deadline missed while no host ran.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        foreach (var movement in await db.Movements.AsNoTracking().OrderBy(m => m.TenantCode).ThenBy(m => m.Code).ToListAsync(ct))
        {
            await ScoreDueYearsAsync(db, movement, ct);
        }
    }

    /// <summary>The year whose deadline a firing at <paramref name="firedAt"/> is for: the latest deadline at or before it.</summary>
    public static int YearOf(Movement movement, Instant firedAt)
    {
        var local = firedAt.InZone(DateTimeZoneProviders.Tzdb[movement.TimeZone]).Date;
        return local >= movement.DeadlineIn(local.Year) ? local.Year : local.Year - 1;
    }

    /// <summary>Enqueues the year's runs of a movement's rule sets; returns how many rule sets were enqueued.</summary>
    public async Task<int> EnqueueAsync(string tenant, string movementCode, int year, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var runs = scope.ServiceProvider.GetRequiredService<RunService>();
        var ruleSets = scope.ServiceProvider.GetRequiredService<PublishedRuleSets>();
        if (!await db.Groups.AnyAsync(g => g.TenantCode == tenant && g.Year == year, ct))
        {
            logger.LogWarning("Yearly scoring of {Tenant} {Year}: no groups, nothing to score.", tenant, year);
            return 0;
        }

        var movements = await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(ct);
        var latest = ruleSets.Latest(await db.RuleSetVersions.AsNoTracking().Where(r => r.Tenant == tenant).ToListAsync(ct), new RuleSetQuery(year, tenant))
            .Where(r => MovementOf(ruleSets.RuleSet(r).Movement, movements) == movementCode)
            .ToList();
        foreach (var ruleSet in latest)
        {
            var (run, created) = await runs.EnqueueAsync(tenant, year, [], ruleSet, "scheduler", ct);
            logger.LogInformation("Yearly scoring of {Tenant}/{Movement} {Year} with {RuleSet}: run {RunId} ({State})",
                tenant, movementCode, year, ruleSet.RuleSetId, run.Id, created ? "new" : "existing");
        }

        return latest.Count;
    }

    /// <summary>The tenant's movement a rule set belongs to: its declared <c>movement</c>, or the first movement when the tenant has no such movement.</summary>
    public static string? MovementOf(string declared, IReadOnlyList<string> tenantMovements) =>
        tenantMovements.Contains(declared) ? declared : tenantMovements.FirstOrDefault();

    /// <summary>
    /// Scores each year after the last scored one up to the year of the latest passed deadline, recording each after its runs
    /// are enqueued (a host dying in between leaves the year to the next firing, which finds the same runs).
    /// </summary>
    private async Task ScoreDueYearsAsync(ScoringDbContext db, Movement movement, CancellationToken ct)
    {
        var due = YearOf(movement, clock.GetCurrentInstant());
        var last = await YearlyScoringLedger.LastScoredAsync(db, movement.TenantCode, movement.Code, ct) ?? due - 1;
        if (last >= due)
        {
            logger.LogInformation("Yearly scoring of {Tenant}/{Movement}: nothing due (the latest passed deadline is of {Year}; covered up to {Last}).", movement.TenantCode, movement.Code, due, last);
            return;
        }

        for (var year = last + 1; year <= due; year++)
        {
            logger.LogInformation("Yearly scoring of {Tenant}/{Movement}: scoring {Year}, whose deadline has passed.", movement.TenantCode, movement.Code, year);
            await EnqueueAsync(movement.TenantCode, movement.Code, year, ct);
            await YearlyScoringLedger.MarkScoredAsync(db, movement.TenantCode, movement.Code, year, ct);
        }
    }
}
