using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Apis.Contracts;
using Scoring.Host.Auth;
using Scoring.Host.Domain;
using Scoring.Host.Infrastructure;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// The real host as a child process (<c>dotnet Scoring.Host.dll</c>) on the Sơn La sample, with a run slowed down by
/// configuration, killed with SIGKILL while the run is in flight: nothing partial is stored; a restart completes the run.
/// </summary>
public sealed class CrashRecoveryTests
{
    private string data = null!;
    private string samples = null!;

    [SetUp]
    public void PrepareFolders()
    {
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
        using (var first = StartHost(slowdownMilliseconds: 100))
        {
            using var client = await ClientAsync(first.Port);
            var enqueue = await client.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));
            await TestData.Ensure(enqueue);
            runId = (await enqueue.Content.ReadFromJsonAsync<RunDto>())!.Id;
            await WaitAsync(async () => (await client.GetFromJsonAsync<RunDto>($"/api/runs/{runId}"))! is { Status: "running", Progress: > 0 });

            first.Process.Kill();   // SIGKILL: no shutdown, no cleanup
            await first.Process.WaitForExitAsync();
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
            using var client = await ClientAsync(second.Port);
            var done = await TestData.WaitForRunAsync(client, runId);
            Assert.That(done.Status, Is.EqualTo("completed"), done.Error);
            second.Process.Kill();
            await second.Process.WaitForExitAsync();
        }

        await using (var db = Context())
        {
            var results = await db.UnitResults.Where(r => r.RunId == runId).ToListAsync();
            Assert.That(results, Is.Not.Empty);
            Assert.That(results.Select(r => r.UnitCode).Distinct().Count(), Is.EqualTo(results.Count), "one result per unit");
            Assert.That(await db.ScoringRuns.CountAsync(), Is.EqualTo(1));
        }
    }

    private ChildHost StartHost(int slowdownMilliseconds)
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;   // Debug or Release, as the tests were built
        var dll = Path.Combine(TestData.RepositoryRoot, "Scoring.Host", "bin", configuration, testBin.Name, "Scoring.Host.dll");
        Assert.That(File.Exists(dll), Is.True, $"{dll} is missing: build Scoring.Host first");
        var port = ProcessRunner.FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = data };
        foreach (var arg in new[]
        {
            dll, "--urls", $"http://127.0.0.1:{port}", "--Storage:DataDirectory", data, "--Auth:SigningKey", ScoringHostFactory.SigningKey,
            "--Seed:CatalogDirectory", Path.Combine(TestData.RepositoryRoot, "rules-catalog"), "--Seed:SamplesDirectory", samples,
            // The test enqueues its own 2025 run: seeding must not score (slowly) and publish it first.
            "--Seed:PublishSampleResults", "false",
            "--Runs:SlowdownPerUnitMilliseconds", slowdownMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildHost(process, port);
    }

    private static async Task<HttpClient> ClientAsync(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var settings = new AuthSettings(AuthSettings.DefaultIssuer, AuthSettings.DefaultAudience, null, System.Text.Encoding.UTF8.GetBytes(ScoringHostFactory.SigningKey));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenIssuer.Mint(settings, "test", Roles.Administrator, null, null, null, TimeSpan.FromHours(1)));
        await WaitAsync(async () =>
        {
            try
            {
                return (await client.GetAsync("/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });
        return client;
    }

    private ScoringDbContext Context()
    {
        var options = new DbContextOptionsBuilder<ScoringDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "scoring.db"), Pooling = false }.ConnectionString).Options;
        return new ScoringDbContext(options);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "condition not reached in time");
            await Task.Delay(100);
        }
    }

    private sealed record ChildHost(Process Process, int Port) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill();
                Process.WaitForExit();
            }

            Process.Dispose();
        }
    }
}
