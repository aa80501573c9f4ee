using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Rules.Loading;

namespace Scoring.Host.Runs;

/// <summary>
/// Enqueues runs. A run's identity is (tenant, year, scope, rule-set hash, inputs hash) with a UNIQUE index: enqueueing
/// the same run again, or from two hosts at once, returns the one stored run. Inputs are narrowed to what the rule set scores
/// before hashing (<see cref="RunInputsFilter"/>), and <c>Total</c> is the number of unit results the run will produce. A failed run is re-queued (resumed).
/// </summary>
internal sealed class RunService(ScoringDbContext db, AuditTrail audit, IClock clock, IRunScheduler scheduler, PublishedRuleSets ruleSets, ILogger<RunService> logger)
{
    public async Task<(ScoringRun Run, bool Created)> EnqueueAsync(string tenant, int year, IReadOnlyCollection<string> groups, RuleSetVersion ruleSet, string actor, CancellationToken ct)
    {
        var loaded = ruleSets.Read(ruleSet);
        var inputs = ForRuleSet(await RunInputsBuilder.BuildAsync(db, tenant, year, groups, loaded.Document?.RuleSet.Movement, ct), loaded);
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
            InputsSha256 = inputsSha, InputsJson = inputsJson, Status = RunStatus.Queued, Total = RunInputsFilter.ScoredUnits(inputs),
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

    /// <summary>
    /// The inputs this rule set scores (its unit kinds, declared indicators, reachable history): hashing only those keeps
    /// unrelated changes from making a new run. A stored rule set that no longer loads keeps every input; the run then
    /// fails with the loader's message when it executes.
    /// </summary>
    private static RunInputs ForRuleSet(RunInputs inputs, RuleSetLoadResult loaded) =>
        loaded.Succeeded ? RunInputsFilter.For(inputs, loaded.Document!.RuleSet) : inputs;

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
            var before = RunSnapshot.Of(run);
            audit.Record(db, actor, "run.resume", "run", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before,
                before.With(RunStatus.Queued) with { Error = null });
            await db.SaveChangesAsync(ct);
            await db.Entry(run).ReloadAsync(ct);
            await scheduler.ScheduleAsync(run.Id, ct);
        }
    }
}
