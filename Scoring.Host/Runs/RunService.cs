using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Rules.Loading;

namespace Scoring.Host.Runs;

/// <summary>
/// Enqueues runs. A run's identity is (tenant, year, scope, rule-set hash, inputs hash) with a UNIQUE index: enqueueing
/// the same run again, or from two hosts at once, returns the one stored run. Inputs are narrowed to what the rule set scores
/// before hashing (<see cref="RunInputsFilter"/>), and <c>Total</c> is the number of unit results the run will produce. A failed run is re-queued (resumed).
/// A person's request (<see cref="RequestAsync"/>) is checked here too: who may score which groups, the rule set and the groups.
/// </summary>
internal sealed class RunService(ScoringDbContext db, AuditTrail audit, IClock clock, IRunScheduler scheduler, PublishedRuleSets ruleSets, ILogger<RunService> logger)
{
    /// <summary>
    /// A person's request for a run. Administrators and the tenant's rule maintainers score any groups (all when none are
    /// named). A secretariat scores only groups it holds: naming another group is 403 (naming it); naming none scores its
    /// own groups that exist that year. <c>version</c> null takes the version in force for the year.
    /// </summary>
    public async Task<RunRequestOutcome> RequestAsync(Actor actor, string tenant, RunRequest body, CancellationToken ct)
    {
        if (!actor.InTenant(tenant))
        {
            return RunRequestOutcome.Refused(StatusCodes.Status403Forbidden, $"Bạn không thuộc '{tenant}'.");
        }

        var groups = (body.Groups ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (actor.IsSecretariat && groups.FirstOrDefault(g => !actor.HasGroup(g)) is { } foreign)
        {
            return RunRequestOutcome.Refused(StatusCodes.Status403Forbidden, $"Bạn không phải thư ký của cụm/khối '{foreign}'; thư ký chỉ chấm các cụm/khối của mình ({actor.GroupList}).");
        }

        if (!await db.Tenants.AnyAsync(t => t.Code == tenant, ct))
        {
            return RunRequestOutcome.Refused(StatusCodes.Status404NotFound, TenantCheck.Missing(tenant));
        }

        var versions = await db.RuleSetVersions.AsNoTracking().Where(r => r.RuleSetId == body.RuleSet).ToListAsync(ct);
        var ruleSet = body.Version is null
            ? ruleSets.LatestFor(versions, body.Year)
            : versions.FirstOrDefault(v => v.Version == body.Version);
        if (ruleSet is null)
        {
            return RunRequestOutcome.Refused(StatusCodes.Status404NotFound,
                $"Không có bộ tiêu chí '{body.RuleSet}'{(body.Version is null ? $" áp dụng cho năm {body.Year}" : " phiên bản " + body.Version)} đã công bố.");
        }

        if (ruleSet.Tenant != tenant)
        {
            return RunRequestOutcome.Refused(StatusCodes.Status400BadRequest, $"Bộ tiêu chí '{ruleSet.RuleSetId}' thuộc '{ruleSet.Tenant}', không dùng để chấm '{tenant}'.");
        }

        var known = await db.Groups.Where(g => g.TenantCode == tenant && g.Year == body.Year).Select(g => g.Code).ToListAsync(ct);
        if (known.Count == 0)
        {
            return RunRequestOutcome.Refused(StatusCodes.Status400BadRequest, $"Chưa có cụm/khối nào năm {body.Year}; hãy nhập cụm/khối trước khi chấm.");
        }

        if (groups.FirstOrDefault(g => !known.Contains(g)) is { } unknown)
        {
            return RunRequestOutcome.Refused(StatusCodes.Status400BadRequest, $"Không có cụm/khối '{unknown}' năm {body.Year}.");
        }

        if (actor.IsSecretariat && groups.Count == 0)
        {
            // A secretariat's request without groups means "my groups" (those that exist that year), never the whole tenant.
            groups = known.Where(actor.HasGroup).Order(StringComparer.Ordinal).ToList();
            if (groups.Count == 0)
            {
                return RunRequestOutcome.Refused(StatusCodes.Status400BadRequest, $"Năm {body.Year} không có cụm/khối nào của bạn ({actor.GroupList}) trong '{tenant}'; không có gì để chấm.");
            }
        }

        var (run, created) = await EnqueueAsync(tenant, body.Year, groups, ruleSet, AuditTrail.Describe(actor), ct);
        return new RunRequestOutcome(run, ruleSet, created, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, null);
    }

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
