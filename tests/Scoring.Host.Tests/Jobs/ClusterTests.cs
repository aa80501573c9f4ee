using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Hangfire;
using Hangfire.PostgreSql;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// Two in-process hosts on one PostgreSQL database, as behind a load balancer: they share the data and one Hangfire storage
/// (each with its own Hangfire server), so these tests prove what the shared storage and the database guarantee (one cluster,
/// idempotent enqueue, results written once). Fail-over between two nodes (a node killed mid-run) is proven with real
/// processes in <see cref="ClusterFailoverTests"/>.
/// </summary>
public sealed class ClusterTests
{
    private ScoringHostFactory first = null!;
    private ScoringHostFactory second = null!;

    [SetUp]
    public async Task StartHosts()
    {
        var database = PostgresFixture.Instance.CreateDatabase();
        first = Start(database, "host-a");
        second = Start(database, "host-b");
        await TestData.SeedAsync(first);
        foreach (var unit in new[] { "xa-a", "xa-b", "xa-c" })
        {
            using var client = first.ClientFor(Roles.Unit, TestData.Tenant, unit);
            await TestData.Ensure(await client.PutAsJsonAsync($"/api/tenants/son-la/submissions/2025/{unit}", new SubmissionValues(new() { ["staffTrained"] = unit.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
            await TestData.Ensure(await client.PostAsync($"/api/tenants/son-la/submissions/2025/{unit}/submit", null));
        }
    }

    [TearDown]
    public void StopHosts()
    {
        first.Dispose();
        second.Dispose();
    }

    [Test]
    public async Task HangfireStorage_IsSharedOnPostgres_BothHostsServersAreInIt()
    {
        Assert.That(first.Service<JobStorage>(), Is.InstanceOf<PostgreSqlStorage>());
        await Poll.UntilAsync("both hosts' Hangfire servers announced in the one storage", TimeSpan.FromSeconds(60), () =>
            Task.FromResult(second.Service<JobStorage>().GetMonitoringApi().Servers().Select(s => s.Name).Count(n => n.StartsWith("host-", StringComparison.Ordinal)) == 2));

        var servers = first.Service<JobStorage>().GetMonitoringApi().Servers().Select(s => s.Name.Split(':')[0]).Order().ToList();
        Assert.That(servers, Is.EqualTo(new[] { "host-a", "host-b" }), "one cluster: each host sees the other's server");
    }

    [Test]
    public async Task TwoHostsEnqueueTheSameRunAtOnce_OneRunOneResultSet()
    {
        using var a = first.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var b = second.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var request = new RunRequest(2025, TestData.RuleSetId, null, null);

        var answers = await Task.WhenAll(
            a.PostAsJsonAsync("/api/tenants/son-la/runs", request), b.PostAsJsonAsync("/api/tenants/son-la/runs", request),
            a.PostAsJsonAsync("/api/tenants/son-la/runs", request), b.PostAsJsonAsync("/api/tenants/son-la/runs", request));

        var runs = new List<RunDto>();
        foreach (var answer in answers)
        {
            await TestData.Ensure(answer);
            runs.Add((await answer.Content.ReadFromJsonAsync<RunDto>())!);
        }

        Assert.That(runs.Select(r => r.Id).Distinct().Count(), Is.EqualTo(1));
        Assert.That(answers.Count(r => r.StatusCode == System.Net.HttpStatusCode.Created), Is.EqualTo(1));
        var done = await TestData.WaitForRunAsync(b, runs[0].Id);
        Assert.That(done.Status, Is.EqualTo("completed"));
        Assert.That(await first.WithDbAsync(db => db.ScoringRuns.CountAsync()), Is.EqualTo(1));
        Assert.That(await first.WithDbAsync(db => db.UnitResults.CountAsync()), Is.EqualTo(4));
    }

    [Test]
    public async Task TwoHostsExecuteTheSameRunAtOnce_ResultsAreWrittenOnce()
    {
        using var a = first.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var run = (await (await a.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null))).Content.ReadFromJsonAsync<RunDto>())!;

        // A Hangfire worker of either host is already running it; both hosts' executors race it again.
        await Task.WhenAll(
            first.Service<RunExecutor>().ExecuteAsync(run.Id, CancellationToken.None),
            second.Service<RunExecutor>().ExecuteAsync(run.Id, CancellationToken.None));
        var done = await TestData.WaitForRunAsync(a, run.Id);

        Assert.That(done.Status, Is.EqualTo("completed"));
        Assert.That(await first.WithDbAsync(db => db.UnitResults.CountAsync()), Is.EqualTo(4));
        Assert.That(await first.WithDbAsync(db => db.AwardEntries.CountAsync()), Is.EqualTo(2));
        Assert.That(await first.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == "run.complete")), Is.EqualTo(1));
    }

    private static ScoringHostFactory Start(string database, string name)
    {
        var host = new ScoringHostFactory(database, settings: new Dictionary<string, string?> { ["Scheduler:InstanceId"] = name }, services: s =>
        {
            s.RemoveAll<IRunCalculator>();
            s.AddSingleton<IRunCalculator>(new SumCalculator(TimeSpan.FromMilliseconds(100)));
        });
        _ = host.Server;
        return host;
    }
}
