using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Host.Audit;
using Scoring.Host.Auth;
using Scoring.Host.Domain;
using Scoring.Host.Infrastructure;

namespace Scoring.Host.Runs;

/// <summary>
/// Enqueues runs. A run's identity is (tenant, year, scope, rule-set hash, inputs hash) with a UNIQUE index: enqueueing
/// the same run again, or from two hosts at once, returns the one stored run. A failed run is re-queued (resumed).
/// </summary>
internal sealed class RunService(ScoringDbContext db, AuditTrail audit, IClock clock, IRunScheduler scheduler, ILogger<RunService> logger)
{
    public async Task<(ScoringRun Run, bool Created)> EnqueueAsync(string tenant, int year, IReadOnlyCollection<string> groups, RuleSetVersion ruleSet, string actor, CancellationToken ct)
    {
        var inputs = await RunInputsBuilder.BuildAsync(db, tenant, year, groups, ct);
        var inputsJson = RunJson.Serialize(inputs);
        var inputsSha = ContentHash.Of(inputsJson);
        var existing = await FindAsync(tenant, year, inputs.Scope, ruleSet.Sha256, inputsSha, ct);
        if (existing is not null)
        {
            await ResumeIfFailedAsync(existing, actor, ct);
            return (existing, false);
        }

        var run = new ScoringRun
        {
            TenantCode = tenant, Year = year, Scope = inputs.Scope, RuleSetVersionId = ruleSet.Id, RuleSetSha256 = ruleSet.Sha256,
            InputsSha256 = inputsSha, InputsJson = inputsJson, Status = RunStatus.Queued, Total = inputs.Units.Count,
            CreatedAt = clock.GetCurrentInstant(), CreatedBy = actor,
        };
        db.ScoringRuns.Add(run);
        audit.Record(db, actor, "run.enqueue", "run", $"{tenant}/{year}/{inputs.Scope}", null,
            new { ruleSet = ruleSet.Sha256, inputs = inputsSha });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another host enqueued the same run between our read and our insert: the unique index kept one row.
            logger.LogInformation(e, "Run {Tenant}/{Year}/{Scope} was enqueued concurrently; using the stored run.", tenant, year, inputs.Scope);
            db.ChangeTracker.Clear();
            var winner = await FindAsync(tenant, year, inputs.Scope, ruleSet.Sha256, inputsSha, ct)
                ?? throw new InvalidOperationException("The run could neither be inserted nor found.", e);
            return (winner, false);
        }

        await scheduler.ScheduleAsync(run.Id, ct);
        return (run, true);
    }

    private Task<ScoringRun?> FindAsync(string tenant, int year, string scope, string ruleSetSha, string inputsSha, CancellationToken ct) =>
        db.ScoringRuns.FirstOrDefaultAsync(r => r.TenantCode == tenant && r.Year == year && r.Scope == scope
            && r.RuleSetSha256 == ruleSetSha && r.InputsSha256 == inputsSha, ct);

    private async Task ResumeIfFailedAsync(ScoringRun run, string actor, CancellationToken ct)
    {
        if (run.Status != RunStatus.Failed)
        {
            return;
        }

        var updated = await db.ScoringRuns.Where(r => r.Id == run.Id && r.Status == RunStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Queued).SetProperty(r => r.Error, (string?)null)
                .SetProperty(r => r.Concurrency, r => r.Concurrency + 1), ct);
        if (updated == 1)
        {
            audit.Record(db, actor, "run.resume", "run", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { status = "Failed" }, new { status = "Queued" });
            await db.SaveChangesAsync(ct);
            await db.Entry(run).ReloadAsync(ct);
            await scheduler.ScheduleAsync(run.Id, ct);
        }
    }
}
