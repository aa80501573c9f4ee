using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Runs;

/// <summary>
/// Every transition of a run is audited with the hash of a real snapshot of the run row (status, result hash, publication
/// time, error) before and after: each entry's "after" is the next entry's "before", the last "after" is the run as stored.
/// </summary>
public sealed class RunAuditTests
{
    [Test]
    public async Task FailResumeCompletePublish_AreAuditedAsAChainOfTheRunsSnapshots()
    {
        var calculator = new FailingOnceCalculator();
        using var host = new ScoringHostFactory(services: s =>
        {
            s.RemoveAll<IRunCalculator>();
            s.AddSingleton<IRunCalculator>(calculator);
        });
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var admin = host.ClientFor(Roles.Administrator);
        var request = new RunRequest(2025, TestData.RuleSetId, null, null);

        var run = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", request)).Content.ReadFromJsonAsync<RunDto>())!;
        Assert.That((await TestData.WaitForRunAsync(maintainer, run.Id)).Status, Is.EqualTo("failed"));
        await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", request);
        Assert.That((await TestData.WaitForRunAsync(maintainer, run.Id)).Status, Is.EqualTo("completed"));
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{run.Id}/publish", null));

        var key = run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await host.WithDbAsync(db => db.AuditLog.Where(a => a.Entity == "run" && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync());
        var stored = await host.WithDbAsync(db => db.ScoringRuns.SingleAsync(r => r.Id == run.Id));

        Assert.That(entries.Select(e => (e.Action, e.Actor)), Is.EqualTo(new[]
        {
            ("run.start", "scheduler"), ("run.fail", "scheduler"), ("run.resume", "rule-maintainer-son-la (rule-maintainer)"),
            ("run.start", "scheduler"), ("run.complete", "scheduler"), ("run.publish", "administrator-x (administrator)"),
        }));
        Assert.That(entries.Skip(1).Select(e => e.BeforeSha256), Is.EqualTo(entries.SkipLast(1).Select(e => e.AfterSha256)), "each after is the next before");
        Assert.That(entries[0].BeforeSha256, Is.EqualTo(ContentHash.OfSnapshot(new RunSnapshot("Queued", null, null, null))));
        Assert.That(entries[1].AfterSha256, Is.EqualTo(ContentHash.OfSnapshot(new RunSnapshot("Failed", null, null, FailingOnceCalculator.Message))), "the error is in the snapshot");
        Assert.That(entries[^1].AfterSha256, Is.EqualTo(ContentHash.OfSnapshot(RunSnapshot.Of(stored))), "the last entry is the run as stored");
        Assert.That(entries[^1].BeforeSha256, Is.EqualTo(ContentHash.OfSnapshot(RunSnapshot.Of(stored) with { PublishedAt = null })));
        Assert.That(stored.Status, Is.EqualTo(RunStatus.Completed));
        var enqueued = await host.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.Action == "run.enqueue"));
        Assert.That(enqueued.Actor, Is.EqualTo(entries[2].Actor), "the enqueue names the actor with its role, like every other entry");
    }

    /// <summary>Fails the first run with a known message, then scores like the sum calculator.</summary>
    private sealed class FailingOnceCalculator : IRunCalculator
    {
        public const string Message = "Lỗi thử nghiệm: dữ liệu chưa đủ.";
        private int calls;

        public Task<RunOutcome> CalculateAsync(RuleSetVersion ruleSet, RunInputs inputs, IProgress<int> progress, CancellationToken ct) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException(Message)
                : new SumCalculator().CalculateAsync(ruleSet, inputs, progress, ct);
    }
}
