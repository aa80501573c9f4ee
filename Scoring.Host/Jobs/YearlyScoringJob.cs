using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;

namespace Scoring.Host.Jobs;

/// <summary>
/// Fired at a movement's yearly report deadline (Asia/Ho_Chi_Minh): enqueues a run of the tenant's year with the latest
/// version of each rule set of that movement (a rule set's <c>movement</c>; one naming a movement the tenant does not have
/// is scored with the tenant's first movement). The year is that of the latest deadline at or before the trigger's
/// scheduled fire time, never the clock's: a host that was down on the deadline and fires the misfire in January still
/// scores the year whose deadline passed. Enqueueing is idempotent, so a double fire creates nothing twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class YearlyScoringJob(IServiceScopeFactory scopes, ILogger<YearlyScoringJob> logger) : IJob
{
    public const string TenantKey = "tenant";
    public const string MovementKey = "movement";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var tenant = context.MergedJobDataMap.GetString(TenantKey)!;
        var movementCode = context.MergedJobDataMap.GetString(MovementKey);
        var firedAt = Instant.FromDateTimeOffset(context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var movements = await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).OrderBy(m => m.Code).ToListAsync(ct);
        var movement = movementCode is null ? movements.FirstOrDefault() : movements.FirstOrDefault(m => m.Code == movementCode);
        if (movement is null)
        {
            logger.LogWarning("Yearly scoring of {Tenant}/{Movement}: the movement no longer exists; nothing to score.", tenant, movementCode);
            return;
        }

        await EnqueueAsync(tenant, movement.Code, YearOf(movement, firedAt), ct);
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
        if (!await db.Groups.AnyAsync(g => g.TenantCode == tenant && g.Year == year, ct))
        {
            logger.LogWarning("Yearly scoring of {Tenant} {Year}: no groups, nothing to score.", tenant, year);
            return 0;
        }

        var movements = await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(ct);
        var latest = (await db.RuleSetVersions.AsNoTracking().Where(r => r.Tenant == tenant).ToListAsync(ct))
            .GroupBy(r => r.RuleSetId)
            .Select(g => RuleSetVersionPicker.Latest(g, year))
            .OfType<RuleSetVersion>()
            .Where(r => MovementOf(r, movements) == movementCode)
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
    public static string? MovementOf(RuleSetVersion ruleSet, IReadOnlyList<string> tenantMovements)
    {
        var declared = RuleSetMovement.Declared(ruleSet.Json);
        return declared is not null && tenantMovements.Contains(declared) ? declared : tenantMovements.FirstOrDefault();
    }
}
