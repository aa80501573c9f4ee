using System.Globalization;
using System.Net.Http.Json;
using Npgsql;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// Failover between two real cluster nodes: two child processes of the built host (<c>dotnet Scoring.Host.dll</c>) on one
/// PostgreSQL database, with the same Quartz scheduler name, distinct instance ids and the default check-in timings. The node
/// executing a slowed-down run is killed with SIGKILL mid-run; the surviving node's Quartz declares it dead, recovers the
/// fired trigger and completes the run: one result set, the hash a single-node run gives, nothing partial in between.
/// </summary>
public sealed class ClusterFailoverTests
{
    private const string SchedulerName = "scoring-failover";
    // About 19 s between scoring and storing the Sơn La run (76 units): a wide window to kill its node while it is in flight.
    private const int SlowdownMilliseconds = 250;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(150);
    private readonly List<ChildHost> hosts = [];
    private string work = null!;
    private string samples = null!;

    [SetUp]
    public void PrepareFolders()
    {
        work = Directory.CreateTempSubdirectory("scoring-failover-").FullName;
        samples = Path.Combine(work, "samples");
        Directory.CreateDirectory(samples);
        Directory.CreateSymbolicLink(Path.Combine(samples, "son-la"), Path.Combine(TestData.RepositoryRoot, "samples", "son-la"));
    }

    [TearDown]
    public void StopHosts()
    {
        foreach (var host in hosts)
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
            {
                TestContext.Out.WriteLine($"--- output of {host.Name}:\n{host.Output}");
            }

            host.Dispose();
        }

        Directory.Delete(work, true);
    }

    [Test]
    public async Task NodeKilledMidRun_TheOtherNodeRecoversTheRun_OneResultSet_SameHashAsASingleNode()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cluster = PostgresFixture.Instance.CreateDatabase();
        var single = PostgresFixture.Instance.CreateDatabase();
        var request = new RunRequest(2025, TestData.RuleSetId, null, null);

        // The reference first: one node on a database of its own, no slowdown, done and idle before the cluster starts, so
        // that it loads nothing while the cluster's nodes must check in on time.
        var reference = Start("single", single, seed: true, slowdownMilliseconds: 0);
        RunDto referenceDone;
        using (var clientReference = await reference.ClientAsync(StartTimeout))
        {
            referenceDone = await TestData.WaitForRunAsync(clientReference, (await EnqueueAsync(clientReference, request)).Id);
        }

        TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: reference run over ({referenceDone.Total} units)");
        reference.Kill();   // its part is done: nothing of it runs while the cluster is tested

        // node-a seeds the empty database; node-b joins it without seeding (two nodes seeding one empty database would race).
        var a = Start("node-a", cluster, seed: true, slowdownMilliseconds: SlowdownMilliseconds);
        var b = Start("node-b", cluster, seed: false, slowdownMilliseconds: SlowdownMilliseconds);
        using var clientA = await a.ClientAsync(StartTimeout);
        using var clientB = await b.ClientAsync(StartTimeout);
        TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: both nodes ready");

        var run = await EnqueueAsync(clientA, request);

        // Which node runs it: Quartz's fired-trigger row (EXECUTING, instance_name = the node's instance id) and that
        // node's log line. Progress > 0 means scoring is done and the slowed-down part before storing has begun.
        string? executing = null;
        await Poll.UntilAsync($"run {run.Id} executing on a node with progress", RunTimeout, async () =>
        {
            var state = await StateAsync(cluster, run.Id);
            Assert.That(state.Status, Is.EqualTo("Queued").Or.EqualTo("Running"), "the run must still be in flight when the node is killed");
            executing = state.ExecutingInstance;
            return executing is not null && state.Progress > 0
                && Node(executing, a, b).Output.Contains($"Run {run.Id} executing on scheduler instance {executing}", StringComparison.Ordinal);
        });
        var victim = Node(executing!, a, b);
        var survivor = victim == a ? b : a;
        var survivorClient = victim == a ? clientB : clientA;

        victim.Kill();

        var afterKill = await StateAsync(cluster, run.Id);
        TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed {victim.Name} at {afterKill.Progress} units");
        Assert.That(afterKill.Status, Is.EqualTo("Running"), "killed mid-run: not completed");
        Assert.That(afterKill.ResultSha256, Is.Null);
        Assert.That(afterKill.UnitResults, Is.Zero, "nothing partial");
        Assert.That(afterKill.AwardEntries, Is.Zero, "nothing partial");
        Assert.That(afterKill.ExecutingInstance, Is.EqualTo(victim.Name), "the dead node's firing is still recorded");
        Assert.That(afterKill.FiredTrigger, Does.StartWith($"runs.run-{run.Id}-"), "the firing recorded is this run's trigger");

        // The survivor declares the dead node failed after check-in interval + threshold, then re-fires the run. Every
        // look until it is completed (one statement, one snapshot) sees no result row at all.
        var partial = new List<RunState>();
        await Poll.UntilAsync($"run {run.Id} completed by {survivor.Name}", RunTimeout, async () =>
        {
            Assert.That(survivor.Process.HasExited, Is.False, () => $"{survivor.Name} exited:\n{survivor.Output}");
            var state = await StateAsync(cluster, run.Id);
            if (state.Status != "Completed" && (state.UnitResults > 0 || state.AwardEntries > 0 || state.ResultSha256 is not null))
            {
                partial.Add(state);
            }

            return state.Status is "Completed" or "Failed";
        });
        TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: run over on {survivor.Name}");
        var done = (await survivorClient.GetFromJsonAsync<RunDto>($"/api/runs/{run.Id}"))!;

        Assert.That(partial, Is.Empty, "partial results seen before completion");
        Assert.That(done.Status, Is.EqualTo("completed"), done.Error);
        Assert.That(survivor.Output, Does.Contain($"Run {run.Id} executing on scheduler instance {survivor.Name} (recovery of {afterKill.FiredTrigger},"),
            "the survivor ran it as a Quartz recovery of the dead node's very firing");
        Assert.That(await ScalarAsync(cluster, "SELECT count(*) FROM unit_results WHERE run_id = @id", run.Id), Is.EqualTo(done.Total));
        Assert.That(await ScalarAsync(cluster, "SELECT count(DISTINCT unit_code) FROM unit_results WHERE run_id = @id", run.Id), Is.EqualTo(done.Total));
        Assert.That(done.Total, Is.GreaterThan(0));
        Assert.That(await ScalarAsync(cluster, "SELECT count(*) FROM scoring_runs", run.Id), Is.EqualTo(1));
        Assert.That(await ScalarAsync(cluster, "SELECT count(*) FROM audit_log WHERE action = 'run.complete' AND entity_key = @id::text", run.Id), Is.EqualTo(1));
        await Poll.UntilAsync("the recovered firing completed in Quartz (no fired-trigger row left)", RunTimeout,
            async () => await ScalarAsync(cluster, "SELECT count(*) FROM qrtz_fired_triggers WHERE job_name = 'run-' || @id", run.Id) == 0);
        Assert.That(await InstancesAsync(cluster), Is.EqualTo(new[] { survivor.Name }), "the dead node was removed from the cluster");

        Assert.That(referenceDone.Status, Is.EqualTo("completed"), referenceDone.Error);
        Assert.That((done.RuleSetSha256, done.InputsSha256), Is.EqualTo((referenceDone.RuleSetSha256, referenceDone.InputsSha256)), "the same run identity");
        Assert.That(done.ResultSha256, Is.EqualTo(referenceDone.ResultSha256), "the same result as one node without failover");
        Assert.That(done.Total, Is.EqualTo(referenceDone.Total));
    }

    private ChildHost Start(string instanceId, string database, bool seed, int slowdownMilliseconds)
    {
        var data = Path.Combine(work, instanceId);
        Directory.CreateDirectory(data);
        var host = ChildHost.Start(instanceId, data,
        [
            "--Storage:DataDirectory", data, "--ConnectionStrings:Postgres", database,
            "--Scheduler:InstanceName", SchedulerName, "--Scheduler:InstanceId", instanceId,
            // The defaults, pinned: fail-over within about 12 s (check-in interval + threshold). Shorter ones wrote off a live
            // node on a loaded 2-core CI machine (late check-ins), and a run still executing there would run twice.
            "--Scheduler:CheckinIntervalMilliseconds", "2000", "--Scheduler:CheckinMisfireThresholdMilliseconds", "10000",
            "--Seed:Enabled", seed ? "true" : "false",
            "--Seed:CatalogDirectory", Path.Combine(TestData.RepositoryRoot, "rules-catalog"), "--Seed:SamplesDirectory", samples,
            // The test enqueues its own 2025 run: seeding must not score and publish it first.
            "--Seed:PublishSampleResults", "false",
            "--Runs:SlowdownPerUnitMilliseconds", slowdownMilliseconds.ToString(CultureInfo.InvariantCulture),
        ]);
        hosts.Add(host);
        return host;
    }

    private static ChildHost Node(string instanceId, ChildHost a, ChildHost b) =>
        instanceId == a.Name ? a : instanceId == b.Name ? b : throw new AssertionException($"unknown instance id {instanceId}");

    private static async Task<RunDto> EnqueueAsync(HttpClient client, RunRequest request)
    {
        var answer = await client.PostAsJsonAsync("/api/tenants/son-la/runs", request);
        await TestData.Ensure(answer);
        return (await answer.Content.ReadFromJsonAsync<RunDto>())!;
    }

    /// <summary>The run, its result rows and its executing Quartz instance, read in one statement (one snapshot).</summary>
    private static async Task<RunState> StateAsync(string database, long runId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT r.status, r.progress, r.result_sha256,
                   (SELECT count(*) FROM unit_results u WHERE u.run_id = r.id),
                   (SELECT count(*) FROM award_entries w WHERE w.run_id = r.id),
                   f.instance_name, f.trigger_group || '.' || f.trigger_name
            FROM scoring_runs r
            LEFT JOIN LATERAL (SELECT * FROM qrtz_fired_triggers t
                 WHERE t.sched_name = @scheduler AND t.job_group = 'runs' AND t.job_name = 'run-' || r.id AND t.state = 'EXECUTING'
                 ORDER BY t.fired_time DESC LIMIT 1) f ON true
            WHERE r.id = @id
            """, connection);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("scheduler", SchedulerName);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, $"run {runId} not found");
        return new RunState(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
    }

    private static async Task<long> ScalarAsync(string database, string sql, long runId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", runId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> InstancesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state WHERE sched_name = @scheduler ORDER BY instance_name", connection);
        command.Parameters.AddWithValue("scheduler", SchedulerName);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private sealed record RunState(string Status, int Progress, string? ResultSha256, long UnitResults, long AwardEntries, string? ExecutingInstance, string? FiredTrigger);
}
