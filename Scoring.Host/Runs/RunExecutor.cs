using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Runs;

/// <summary>
/// Executes a run. Results are written in ONE transaction at the end, which first flips the run from Running to
/// Completed: a run killed midway leaves no result row (and is re-run), and a second executor of the same run finds
/// nothing to flip and writes nothing. A failure in scoring or in storing (rolled back whole) marks the run Failed with
/// a Vietnamese reason; enqueueing it again resumes it. Start, failure and completion are audited with snapshots of the run.
/// Every execution is a span of <see cref="RunTelemetry.Source"/> and is counted and timed by its outcome.
/// </summary>
internal sealed class RunExecutor(IServiceScopeFactory scopes, IRunCalculator calculator, IClock clock, IConfiguration configuration,
    RunTelemetry telemetry, ILogger<RunExecutor> logger)
{
    private const string Actor = "scheduler";

    public async Task ExecuteAsync(long runId, CancellationToken ct)
    {
        using var activity = RunTelemetry.Source.StartActivity("run.execute");
        activity?.SetTag("scoring.run.id", runId);
        var started = Stopwatch.GetTimestamp();
        var (outcome, units) = (RunExecution.Cancelled, 0);
        try
        {
            (outcome, units) = await ExecuteCoreAsync(runId, activity, ct);
        }
        finally
        {
            activity?.SetTag("scoring.run.outcome", outcome.Tag());
            if (outcome == RunExecution.Failed)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            telemetry.Record(outcome, Stopwatch.GetElapsedTime(started), units);
        }
    }

    private async Task<(RunExecution Outcome, int Units)> ExecuteCoreAsync(long runId, Activity? activity, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var run = await db.ScoringRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || run.Status == RunStatus.Completed)
        {
            return (RunExecution.Skipped, 0);
        }

        activity?.SetTag("scoring.tenant", run.TenantCode);
        activity?.SetTag("scoring.year", run.Year);
        activity?.SetTag("scoring.run.scope", run.Scope);

        var ruleSet = await db.RuleSetVersions.AsNoTracking().FirstAsync(r => r.Id == run.RuleSetVersionId, ct);
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var started = await db.ScoringRuns.Where(r => r.Id == runId && r.Status != RunStatus.Completed)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.StartedAt, clock.GetCurrentInstant())
                    .SetProperty(r => r.Progress, 0).SetProperty(r => r.Error, (string?)null), ct);
            if (started == 1)
            {
                var before = RunSnapshot.Of(run);
                audit.Record(db, Actor, "run.start", "run", Key(runId), before, before.With(RunStatus.Running) with { Error = null });
                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        logger.LogInformation("Run {RunId} started: {Tenant}/{Year}/{Scope} with {RuleSet}", runId, run.TenantCode, run.Year, run.Scope, ruleSet.Sha256[..12]);

        try
        {
            var inputs = RunJson.Deserialize<RunInputs>(run.InputsJson);
            var progress = new RunProgress(scopes, runId);
            var outcome = await calculator.CalculateAsync(ruleSet, inputs, progress, ct);
            await SlowDownAsync(outcome, progress, ct);
            await progress.FlushAsync();
            return await StoreWithReasonAsync(db, audit, run, outcome, ct)
                ? (RunExecution.Completed, outcome.Units.Count)
                : (RunExecution.CompletedElsewhere, 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Run {RunId} failed", runId);
            activity?.AddException(e);
            await FailAsync(db, audit, run, e.Message);
            return (RunExecution.Failed, 0);
        }
    }

    private static string Key(long runId) => runId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Running → Failed with the error, and its audit entry, in one transaction.</summary>
    private static async Task FailAsync(ScoringDbContext db, AuditTrail audit, ScoringRun run, string error)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var failed = await db.ScoringRuns.Where(r => r.Id == run.Id && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Failed).SetProperty(r => r.Error, error), CancellationToken.None);
        if (failed == 1)
        {
            var running = RunSnapshot.Of(run).With(RunStatus.Running) with { Error = null };
            audit.Record(db, Actor, "run.fail", "run", Key(run.Id), running, running.With(RunStatus.Failed) with { Error = error });
            await db.SaveChangesAsync(CancellationToken.None);
        }

        await tx.CommitAsync(CancellationToken.None);
    }

    /// <summary>
    /// Stores the outcome; a storage failure (the transaction is rolled back: nothing partial stays) becomes an error that
    /// says, in Vietnamese, that nothing was stored and how to resume.
    /// </summary>
    private async Task<bool> StoreWithReasonAsync(ScoringDbContext db, AuditTrail audit, ScoringRun run, RunOutcome outcome, CancellationToken ct)
    {
        try
        {
            return await StoreAsync(db, audit, run, outcome, ct);
        }
        catch (DbUpdateException e)
        {
            throw new InvalidOperationException(
                $"Không lưu được kết quả lượt chấm {run.Id}; không có kết quả nào được lưu. Nguyên nhân: {StorageReason(outcome, e)} "
                + "Khắc phục nguyên nhân rồi gửi lại yêu cầu chấm để chạy tiếp lượt chấm này.", e);
        }
    }

    /// <summary>The likely cause of a failed write, in words a maintainer can act on.</summary>
    private static string StorageReason(RunOutcome outcome, DbUpdateException e)
    {
        var duplicate = outcome.Units.GroupBy(u => u.Unit, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? $"đơn vị '{duplicate.Key}' có {duplicate.Count()} kết quả (mỗi đơn vị chỉ được một kết quả trong một lượt chấm)."
            : $"cơ sở dữ liệu từ chối ghi ({(e.InnerException ?? e).Message}).";
    }

    /// <summary>
    /// Diagnostics and crash tests only: <c>Runs:SlowdownPerUnitMilliseconds</c> stretches the time between scoring and
    /// storing, so that a host can be killed while a run is in flight. Zero (the default) in production.
    /// </summary>
    private async Task SlowDownAsync(RunOutcome outcome, RunProgress progress, CancellationToken ct)
    {
        var delay = configuration.GetValue("Runs:SlowdownPerUnitMilliseconds", 0);
        if (delay <= 0)
        {
            return;
        }

        for (var i = 1; i <= outcome.Units.Count; i++)
        {
            await Task.Delay(delay, ct);
            progress.Report(i);
        }
    }

    /// <summary>Stores the outcome; false when another executor completed the run first (nothing written).</summary>
    private async Task<bool> StoreAsync(ScoringDbContext db, AuditTrail audit, ScoringRun run, RunOutcome outcome, CancellationToken ct)
    {
        var resultSha = ContentHash.Of(outcome.ResultJson);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var flipped = await db.ScoringRuns.Where(r => r.Id == run.Id && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Completed).SetProperty(r => r.CompletedAt, clock.GetCurrentInstant())
                .SetProperty(r => r.Progress, outcome.Units.Count).SetProperty(r => r.Total, outcome.Units.Count)
                .SetProperty(r => r.ResultJson, outcome.ResultJson).SetProperty(r => r.ResultSha256, resultSha)
                .SetProperty(r => r.Concurrency, r => r.Concurrency + 1), ct);
        if (flipped == 0)
        {
            logger.LogInformation("Run {RunId} was completed by another executor; nothing written.", run.Id);
            await tx.RollbackAsync(ct);
            return false;
        }

        db.UnitResults.AddRange(outcome.Units.Select(u => new UnitResult
        {
            RunId = run.Id, GroupCode = u.Group, UnitCode = u.Unit, UnitName = u.Name, Rank = u.Rank, Total = u.Total, Grade = u.Grade, Award = u.Award, CardJson = u.CardJson,
        }));
        db.AwardEntries.AddRange(outcome.Awards.Select(a => new AwardEntry
        {
            RunId = run.Id, Award = a.Award, AwardTitle = a.AwardTitle, UnitCode = a.Unit, UnitName = a.Name, GroupCode = a.Group, Rank = a.Rank,
            Total = a.Total, TieAtCut = a.TieAtCut, Reason = a.Reason,
        }));
        var running = RunSnapshot.Of(run).With(RunStatus.Running) with { Error = null };
        audit.Record(db, Actor, "run.complete", "run", Key(run.Id), running, running.With(RunStatus.Completed) with { ResultSha256 = resultSha });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Run {RunId} completed: {Units} units, {Awards} awards, result {Sha}", run.Id, outcome.Units.Count, outcome.Awards.Count, resultSha[..12]);
        return true;
    }
}
