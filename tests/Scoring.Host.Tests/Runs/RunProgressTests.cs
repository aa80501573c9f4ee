using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Runs;

/// <summary>
/// Polling a run's status: progress never exceeds total, total is the number of units the run scores (not every unit of
/// the tenant: an enterprise in the year's groups is left out by the communes' rule set), and it ends at total/total.
/// </summary>
public sealed class RunProgressTests
{
    [Test]
    public async Task Polling_ShowsProgressWithinTotal_AndTotalOfTotalAtCompletion()
    {
        using var host = ApiHost.Start(Backend.Sqlite, calculator: new SumCalculator(TimeSpan.FromMilliseconds(300)));
        await TestData.SeedAsync(host);
        using var admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PostAsync("/api/tenants/son-la/units/import",
            TestData.Csv(TestData.UnitsCsv + "dn-1,Công ty Cổ phần Chè Mộc Châu,enterprise,2020-01-01,,\n", "units.csv")));
        await TestData.Ensure(await admin.PostAsync("/api/tenants/son-la/groups/2025/import",
            TestData.Csv(TestData.GroupsCsv + "khoi-dn,Khối doanh nghiệp,bloc,dn-1,head\n", "groups-2025.csv")));
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);

        var created = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null)))
            .Content.ReadFromJsonAsync<RunDto>())!;
        var seen = new List<(string Status, int Progress, int Total)>();
        RunDto run;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        do
        {
            run = (await maintainer.GetFromJsonAsync<RunDto>($"/api/runs/{created.Id}"))!;
            seen.Add((run.Status, run.Progress, run.Total));
            await Task.Delay(50);
        }
        while (run.Status is not ("completed" or "failed") && DateTime.UtcNow < deadline);

        Assert.That(created.Total, Is.EqualTo(4), "four communes; the enterprise in its own block is not scored by this rule set");
        Assert.That(run.Status, Is.EqualTo("completed"), run.Error);
        Assert.That((run.Progress, run.Total), Is.EqualTo((4, 4)));
        Assert.That(seen.Select(s => s.Total).Distinct(), Is.EqualTo(new[] { 4 }), "total never changes while the run goes on");
        Assert.That(seen, Has.All.Matches<(string Status, int Progress, int Total)>(s => s.Progress >= 0 && s.Progress <= s.Total));
        Assert.That(seen.Select(s => s.Progress), Is.Ordered, "progress only grows");
    }

    [Test]
    public async Task CalculatorReportingMoreThanTheTotal_IsCappedAtTheTotal()
    {
        var calculator = new OverReportingCalculator();
        using var host = new ScoringHostFactory(services: s =>
        {
            s.RemoveAll<IRunCalculator>();
            s.AddSingleton<IRunCalculator>(calculator);
        });
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var created = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null)))
            .Content.ReadFromJsonAsync<RunDto>())!;

        await calculator.Reported.Task.WaitAsync(TimeSpan.FromSeconds(60));
        RunDto running;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            running = (await maintainer.GetFromJsonAsync<RunDto>($"/api/runs/{created.Id}"))!;
            await Task.Delay(50);
        }
        while (running.Progress == 0 && DateTime.UtcNow < deadline);
        calculator.Release.SetResult();
        var done = await TestData.WaitForRunAsync(maintainer, created.Id);

        Assert.That((running.Status, running.Progress, running.Total), Is.EqualTo(("running", 4, 4)), "99 reported, 4 to do");
        Assert.That((done.Status, done.Progress, done.Total), Is.EqualTo(("completed", 4, 4)));
    }

    /// <summary>Reports far more units than it scores, then waits until the test has looked at the run's status.</summary>
    private sealed class OverReportingCalculator : IRunCalculator
    {
        public TaskCompletionSource Reported { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<RunOutcome> CalculateAsync(RuleSetVersion ruleSet, RunInputs inputs, IProgress<int> progress, CancellationToken ct)
        {
            progress.Report(99);
            Reported.SetResult();
            await Release.Task.WaitAsync(ct);
            return await new SumCalculator().CalculateAsync(ruleSet, inputs, new Progress<int>(), ct);
        }
    }
}
