using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// The real host as a child process (<c>dotnet Scoring.Host.dll</c>) on the Sơn La sample, with a run slowed down by
/// configuration, killed with SIGKILL while the run is in flight: nothing partial is stored; a restart completes the run
/// (start-up recovery enqueues it again at once; the dead process's Hangfire job, taken again after the invisibility
/// timeout, then finds it completed).
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class CrashRecoveryTests(Backend backend)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private string data = null!;
    private string samples = null!;
    private string? database;

    [SetUp]
    public void PrepareFolders()
    {
        database = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        data = Directory.CreateTempSubdirectory("scoring-crash-").FullName;
        samples = Directory.CreateTempSubdirectory("scoring-crash-samples-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(samples, "son-la"), Path.Combine(TestData.RepositoryRoot, "samples", "son-la"));
    }

    [TearDown]
    public void RemoveFolders()
    {
        Directory.Delete(data, true);
        Directory.Delete(samples, true);
    }

    [Test]
    public async Task HostKilledMidRun_PublishesNothingPartial_AndARestartCompletesTheRun()
    {
        long runId;
        // 250 ms per unit: about 19 s between scoring and storing the Sơn La run (76 units), a wide window to kill the host in.
        using (var first = StartHost(slowdownMilliseconds: 250))
        {
            using var client = await first.ClientAsync(Timeout);
            var enqueue = await client.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));
            await TestData.Ensure(enqueue);
            runId = (await enqueue.Content.ReadFromJsonAsync<RunDto>())!.Id;
            await Poll.UntilAsync($"run {runId} in flight", Timeout, async () => (await client.GetFromJsonAsync<RunDto>($"/api/runs/{runId}"))! is { Status: "running", Progress: > 0 });

            first.Kill();   // SIGKILL: no shutdown, no cleanup
        }

        await using (var db = Context())
        {
            var run = await db.ScoringRuns.SingleAsync(r => r.Id == runId);
            Assert.That(run.Status, Is.EqualTo(RunStatus.Running));
            Assert.That(run.ResultJson, Is.Null);
            Assert.That(await db.UnitResults.CountAsync(r => r.RunId == runId), Is.Zero, "nothing partial");
            Assert.That(await db.AwardEntries.CountAsync(r => r.RunId == runId), Is.Zero);
        }

        using (var second = StartHost(slowdownMilliseconds: 0))
        {
            using var client = await second.ClientAsync(Timeout);
            var done = await TestData.WaitForRunAsync(client, runId);
            Assert.That(done.Status, Is.EqualTo("completed"), done.Error);
            second.Kill();
        }

        await using (var db = Context())
        {
            var results = await db.UnitResults.Where(r => r.RunId == runId).ToListAsync();
            Assert.That(results, Is.Not.Empty);
            Assert.That(results.Select(r => r.UnitCode).Distinct().Count(), Is.EqualTo(results.Count), "one result per unit");
            Assert.That(await db.ScoringRuns.CountAsync(), Is.EqualTo(1));
        }
    }

    private ChildHost StartHost(int slowdownMilliseconds) => ChildHost.Start(backend.ToString(), data,
    [
        "--Storage:DataDirectory", data,
        .. database is null ? Array.Empty<string>() : ["--ConnectionStrings:Postgres", database],
        "--Seed:CatalogDirectory", Path.Combine(TestData.RepositoryRoot, "rules-catalog"), "--Seed:SamplesDirectory", samples,
        // The test enqueues its own 2025 run: seeding must not score (slowly) and publish it first.
        "--Seed:PublishSampleResults", "false",
        "--Runs:SlowdownPerUnitMilliseconds", slowdownMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ]);

    private ScoringDbContext Context()
    {
        var options = database is null
            ? new DbContextOptionsBuilder<ScoringDbContext>().UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "scoring.db"), Pooling = false }.ConnectionString).Options
            : new DbContextOptionsBuilder<ScoringDbContext>().UseNpgsql(database).Options;
        return new ScoringDbContext(options);
    }
}
