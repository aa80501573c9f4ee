using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;
using Scoring.Host.Infrastructure;
using Scoring.Host.RuleSets;
using Scoring.Host.Runs;

namespace Scoring.Host.Jobs;

/// <summary>
/// Fired at a movement's yearly report deadline (Asia/Ho_Chi_Minh): enqueues a run of the tenant's year with the latest
/// version of each of its rule sets. Enqueueing is idempotent, so a double fire creates nothing twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class YearlyScoringJob(IServiceScopeFactory scopes, IClock clock, ILogger<YearlyScoringJob> logger) : IJob
{
    public const string TenantKey = "tenant";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var tenant = context.MergedJobDataMap.GetString(TenantKey)!;
        await EnqueueAsync(tenant, ct);
    }

    public async Task<int> EnqueueAsync(string tenant, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var runs = scope.ServiceProvider.GetRequiredService<RunService>();
        var movement = await db.Movements.AsNoTracking().Where(m => m.TenantCode == tenant).OrderBy(m => m.Code).FirstOrDefaultAsync(ct);
        var zone = DateTimeZoneProviders.Tzdb[movement?.TimeZone ?? "Asia/Ho_Chi_Minh"];
        var year = clock.GetCurrentInstant().InZone(zone).Year;
        if (!await db.Groups.AnyAsync(g => g.TenantCode == tenant && g.Year == year, ct))
        {
            logger.LogWarning("Yearly scoring of {Tenant} {Year}: no groups, nothing to score.", tenant, year);
            return 0;
        }

        var latest = (await db.RuleSetVersions.AsNoTracking().Where(r => r.Tenant == tenant).ToListAsync(ct))
            .GroupBy(r => r.RuleSetId)
            .Select(g => RuleSetVersionPicker.Latest(g, year))
            .OfType<Domain.RuleSetVersion>()
            .ToList();
        foreach (var ruleSet in latest)
        {
            var (run, created) = await runs.EnqueueAsync(tenant, year, [], ruleSet, "scheduler", ct);
            logger.LogInformation("Yearly scoring of {Tenant} {Year} with {RuleSet}: run {RunId} ({State})", tenant, year, ruleSet.RuleSetId, run.Id, created ? "new" : "existing");
        }

        return latest.Count;
    }
}
