using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Samples;

/// <summary>
/// After the samples are seeded, scores and publishes their <see cref="Year"/> results through the normal run path, so
/// that the public pages show results on a fresh start: per tenant, one run over all groups for every rule set whose
/// latest version covering the year applies to a kind of unit in the year's groups (as the API enqueues it), executed by
/// <see cref="RunExecutor"/> and published by <see cref="RunPublisher"/>, with actor "seed" in the audit log.
/// </summary>
internal sealed class SampleResultsPublisher(
    ScoringDbContext db, AuditTrail audit, IClock clock, RunExecutor executor, RunPublisher publisher, PublishedRuleSets ruleSets,
    ILogger<RunService> runLogger, ILogger<SampleResultsPublisher> logger)
{
    public const int Year = 2025;
    private const string Actor = "seed";

    public async Task PublishAsync(IReadOnlyCollection<string> tenants, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var runs = new RunService(db, audit, clock, new SeedRunScheduler(), ruleSets, runLogger);
        var versions = await db.RuleSetVersions.AsNoTracking().ToListAsync(ct);
        var published = 0;
        var (enqueueing, scoring, publishing) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var tenant in tenants.Order(StringComparer.Ordinal))
        {
            var members = await db.Groups.AsNoTracking().Where(g => g.TenantCode == tenant && g.Year == Year)
                .SelectMany(g => g.Members.Select(m => m.UnitCode)).Distinct().ToListAsync(ct);
            var kinds = (await db.Units.AsNoTracking().Where(u => u.TenantCode == tenant).Select(u => new { u.Code, u.Kind }).ToListAsync(ct))
                .Where(u => members.Contains(u.Code)).Select(u => u.Kind).ToHashSet(StringComparer.Ordinal);
            foreach (var ruleSet in versions.Where(v => v.Tenant == tenant).GroupBy(v => v.RuleSetId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var version = ruleSets.LatestFor(ruleSet, Year);
                if (version is null || !ruleSets.RuleSet(version).UnitKinds.Any(k => kinds.Contains(k.Value)))
                {
                    continue;
                }

                var phase = Stopwatch.GetTimestamp();
                var (run, _) = await runs.EnqueueAsync(tenant, Year, [], version, Actor, ct);
                enqueueing += Stopwatch.GetElapsedTime(phase);
                phase = Stopwatch.GetTimestamp();
                await executor.ExecuteAsync(run.Id, ct);
                scoring += Stopwatch.GetElapsedTime(phase);
                phase = Stopwatch.GetTimestamp();
                var outcome = await publisher.PublishAsync(run.Id, Actor, ct);
                publishing += Stopwatch.GetElapsedTime(phase);
                if (outcome.Status == PublishStatus.Published)
                {
                    published++;
                }
                else
                {
                    logger.LogWarning("Sample run {RunId} ({Tenant}/{Year}, {RuleSet}) not published: {Status}", run.Id, tenant, Year, ruleSet.Key, outcome.Status);
                }
            }
        }

        logger.LogInformation(
            "Published {Count} sample runs of {Year} in {Elapsed:0.00} s, processor time {Processor:0.00} s (enqueueing the runs {Enqueueing:0.00} s, executing them {Scoring:0.00} s, publishing them {Publishing:0.00} s)",
            published, Year, Stopwatch.GetElapsedTime(started).TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds,
            enqueueing.TotalSeconds, scoring.TotalSeconds, publishing.TotalSeconds);
    }
}
