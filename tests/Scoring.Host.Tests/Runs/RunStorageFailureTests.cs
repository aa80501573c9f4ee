using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Runs;

/// <summary>
/// A run whose results cannot be stored (here: the calculator gives one unit two results, which the unique index of
/// unit_results refuses) ends Failed with a Vietnamese reason and nothing stored, never "running" forever; enqueueing
/// the same run again after the cause is fixed resumes it to completion.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class RunStorageFailureTests(Backend backend)
{
    [Test]
    public async Task StorageFailure_FailsTheRunWithNothingStored_AndReEnqueueResumesIt()
    {
        var calculator = new DuplicatingCalculator { Duplicate = true };
        var postgres = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        using var host = new ScoringHostFactory(postgres, services: s =>
        {
            s.RemoveAll<IRunCalculator>();
            s.AddSingleton<IRunCalculator>(calculator);
        });
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var request = new RunRequest(2025, TestData.RuleSetId, null, null);

        var created = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", request)).Content.ReadFromJsonAsync<RunDto>())!;
        var failed = await TestData.WaitForRunAsync(maintainer, created.Id);

        Assert.That(failed.Status, Is.EqualTo("failed"));
        Assert.That(failed.Error, Does.Contain("không có kết quả nào được lưu").And.Contain("đơn vị 'xa-a' có 2 kết quả").And.Contain("gửi lại yêu cầu chấm"));
        Assert.That(failed.ResultSha256, Is.Null);
        Assert.That(await host.WithDbAsync(db => db.UnitResults.CountAsync(u => u.RunId == created.Id)), Is.Zero, "the unit results were rolled back");
        Assert.That(await host.WithDbAsync(db => db.AwardEntries.CountAsync(a => a.RunId == created.Id)), Is.Zero, "the awards were rolled back");

        calculator.Duplicate = false;
        var again = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", request);
        var resumed = (await again.Content.ReadFromJsonAsync<RunDto>())!;
        var completed = await TestData.WaitForRunAsync(maintainer, resumed.Id);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same run, not a new one");
        Assert.That(resumed.Id, Is.EqualTo(created.Id));
        Assert.That(completed.Status, Is.EqualTo("completed"), completed.Error);
        Assert.That(completed.Error, Is.Null);
        Assert.That(await host.WithDbAsync(db => db.UnitResults.CountAsync(u => u.RunId == created.Id)), Is.EqualTo(4));
    }

    /// <summary>The sum calculator, optionally giving the first unit a second result.</summary>
    private sealed class DuplicatingCalculator : IRunCalculator
    {
        public bool Duplicate { get; set; }

        public async Task<RunOutcome> CalculateAsync(RuleSetVersion ruleSet, RunInputs inputs, IProgress<int> progress, CancellationToken ct)
        {
            var outcome = await new SumCalculator().CalculateAsync(ruleSet, inputs, progress, ct);
            return Duplicate ? outcome with { Units = [.. outcome.Units, outcome.Units.First(u => u.Unit == "xa-a")] } : outcome;
        }
    }
}
