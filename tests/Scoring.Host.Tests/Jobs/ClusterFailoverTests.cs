using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// Failover between two real cluster nodes: two child processes of the built host (<c>dotnet Scoring.Host.dll</c>) on one
/// PostgreSQL database, sharing its Hangfire storage, with distinct server names and the default invisibility timeout. The
/// node executing a slowed-down run is killed with SIGKILL mid-run; its fetched job is no longer kept alive, and once the
/// invisibility timeout has passed the surviving node's worker takes the very same job and completes the run: one result set,
/// the hash a single-node run gives, nothing partial in between.
/// </summary>
public sealed partial class ClusterFailoverTests
{
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

        // Which node runs it: that node's log line names its Hangfire server and the job; the job's current state in the shared
        // storage is Processing by that server. Progress > 0 means scoring is done and the slowed-down part before storing has begun.
        Match? executing = null;
        await Poll.UntilAsync($"run {run.Id} executing on a node with progress", RunTimeout, async () =>
        {
            var state = await StateAsync(cluster, run.Id, null);
            Assert.That(state.Status, Is.EqualTo("Queued").Or.EqualTo("Running"), "the run must still be in flight when the node is killed");
            executing = new[] { a, b }.Select(n => ExecutingLine(run.Id).Match(n.Output)).FirstOrDefault(m => m.Success);
            return executing is not null && state.Progress > 0;
        });
        var victimServer = executing!.Groups["server"].Value;
        var job = long.Parse(executing.Groups["job"].Value, CultureInfo.InvariantCulture);
        var victim = Node(victimServer, a, b);
        var survivor = victim == a ? b : a;
        var survivorClient = victim == a ? clientB : clientA;

        victim.Kill();

        var afterKill = await StateAsync(cluster, run.Id, job);
        TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed {victim.Name} ({victimServer}) at {afterKill.Progress} units, job {job}");
        Assert.That(afterKill.Status, Is.EqualTo("Running"), "killed mid-run: not completed");
        Assert.That(afterKill.ResultSha256, Is.Null);
        Assert.That(afterKill.UnitResults, Is.Zero, "nothing partial");
        Assert.That(afterKill.AwardEntries, Is.Zero, "nothing partial");
        Assert.That((afterKill.JobState, afterKill.JobServer), Is.EqualTo(("Processing", victimServer)), "the dead node's processing of the job is still recorded");

        // The dead node's fetch is no longer kept alive; after the invisibility timeout the survivor's worker takes the job
        // and runs it again. Every look until it is completed (one statement, one snapshot) sees no result row at all.
        var partial = new List<RunState>();
        await Poll.UntilAsync($"run {run.Id} completed by {survivor.Name}", RunTimeout, async () =>
        {
            Assert.That(survivor.Process.HasExited, Is.False, () => $"{survivor.Name} exited:\n{survivor.Output}");
            var state = await StateAsync(cluster, run.Id, job);
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
        var taken = ExecutingLine(run.Id).Match(survivor.Output);
        Assert.That(taken.Success, Is.True, "the survivor logged executing the run");
        Assert.That(Node(taken.Groups["server"].Value, a, b), Is.SameAs(survivor));
        Assert.That(taken.Groups["job"].Value, Is.EqualTo(job.ToString(CultureInfo.InvariantCulture)), "the very job the dead node had, not a new one");
        Assert.That(taken.Groups["previous"].Value, Is.EqualTo(victimServer), "taken over from the dead node's server");
        Assert.That(await ScalarAsync(cluster, "SELECT count(*) FROM unit_results WHERE run_id = @id", run.Id), Is.EqualTo(done.Total));
        Assert.That(await ScalarAsync(cluster, "SELECT count(DISTINCT unit_code) FROM unit_results WHERE run_id = @id", run.Id), Is.EqualTo(done.Total));
        Assert.That(done.Total, Is.GreaterThan(0));
        Assert.That(await ScalarAsync(cluster, "SELECT count(*) FROM scoring_runs", run.Id), Is.EqualTo(1));
        Assert.That(await ScalarAsync(cluster, "SELECT count(*) FROM audit_log WHERE action = 'run.complete' AND entity_key = @id::text", run.Id), Is.EqualTo(1));
        await Poll.UntilAsync("the taken-over job succeeded in Hangfire", RunTimeout, async () => (await StateAsync(cluster, run.Id, job)).JobState == "Succeeded");
        Assert.That(await HistoryAsync(cluster, job), Is.EqualTo(new[]
        {
            ("Enqueued", ""), ("Processing", victimServer), ("Processing", taken.Groups["server"].Value), ("Succeeded", ""),
        }), "one job: enqueued once, processed by the dead node, then by the survivor, which completed it");

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
            "--Scheduler:InstanceId", instanceId,
            // The default, pinned: a live node renews its fetch every 6 s (a fifth of it), so only a pause of 30 s would let the
            // other node take a job still running; a dead node's job is taken 30 s (plus a poll) after its last renewal.
            "--Scheduler:InvisibilityTimeoutSeconds", "30",
            "--Seed:Enabled", seed ? "true" : "false",
            "--Seed:CatalogDirectory", Path.Combine(TestData.RepositoryRoot, "rules-catalog"), "--Seed:SamplesDirectory", samples,
            // The test enqueues its own 2025 run: seeding must not score and publish it first.
            "--Seed:PublishSampleResults", "false",
            "--Runs:SlowdownPerUnitMilliseconds", slowdownMilliseconds.ToString(CultureInfo.InvariantCulture),
        ]);
        hosts.Add(host);
        return host;
    }

    /// <summary>The node whose Hangfire server this is (a server id is the server name, then ':' and more).</summary>
    private static ChildHost Node(string serverId, ChildHost a, ChildHost b)
    {
        var name = serverId.Split(':')[0];
        return name == a.Name ? a : name == b.Name ? b : throw new AssertionException($"unknown server {serverId}");
    }

    private static Regex ExecutingLine(long runId) => new(
        $@"Run {runId} executing on server (?<server>\S+) \(job (?<job>\d+)(, taken over from server (?<previous>\S+),[^)]*)?\)", RegexOptions.CultureInvariant);

    private static async Task<RunDto> EnqueueAsync(HttpClient client, RunRequest request)
    {
        var answer = await client.PostAsJsonAsync("/api/tenants/son-la/runs", request);
        await TestData.Ensure(answer);
        return (await answer.Content.ReadFromJsonAsync<RunDto>())!;
    }

    /// <summary>The run, its result rows and (given its Hangfire job) the job's state and server, read in one statement (one snapshot).</summary>
    private static async Task<RunState> StateAsync(string database, long runId, long? job)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT r.status, r.progress, r.result_sha256,
                   (SELECT count(*) FROM unit_results u WHERE u.run_id = r.id),
                   (SELECT count(*) FROM award_entries w WHERE w.run_id = r.id),
                   j.statename, s.data::jsonb ->> 'ServerId'
            FROM scoring_runs r
            LEFT JOIN hangfire.job j ON j.id = @job
            LEFT JOIN hangfire.state s ON s.id = j.stateid
            WHERE r.id = @id
            """, connection);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("job", job ?? -1);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, $"run {runId} not found");
        return new RunState(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
    }

    /// <summary>The job's states in order: name and, for Processing, the server.</summary>
    private static async Task<List<(string State, string Server)>> HistoryAsync(string database, long job)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name, coalesce(data::jsonb ->> 'ServerId', '') FROM hangfire.state WHERE jobid = @job ORDER BY id", connection);
        command.Parameters.AddWithValue("job", job);
        var states = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            states.Add((reader.GetString(0), reader.GetString(1)));
        }

        return states;
    }

    private static async Task<long> ScalarAsync(string database, string sql, long runId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", runId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private sealed record RunState(string Status, int Progress, string? ResultSha256, long UnitResults, long AwardEntries, string? JobState, string? JobServer);
}
