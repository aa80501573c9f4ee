using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Startup;

/// <summary>
/// The README's first command for real: the built host started in a working directory holding only rules-catalog/ and
/// samples/ (symbolic links), with nothing but <c>--urls</c>: no signing key, no seed paths, no connection string. The host
/// finds both folders from its working directory, creates data/ there and seeds it; the <c>token</c> verb run in the same
/// directory mints a token the service accepts. samples/ holds only son-la, so the seeded tenants also prove the folders
/// came from the working directory and not from the repository above the binaries.
/// </summary>
public sealed class NoConfigurationStartTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private string work = null!;
    private ChildHost? host;

    [SetUp]
    public void PrepareFolder()
    {
        work = Directory.CreateTempSubdirectory("scoring-noconfig-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(work, "rules-catalog"), Path.Combine(TestData.RepositoryRoot, "rules-catalog"));
        var samples = Directory.CreateDirectory(Path.Combine(work, "samples")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(samples, "son-la"), Path.Combine(TestData.RepositoryRoot, "samples", "son-la"));
    }

    [TearDown]
    public void StopHost()
    {
        if (host is not null)
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
            {
                TestContext.Out.WriteLine($"--- output of the host:\n{host.Output}");
            }

            host.Dispose();
        }

        Directory.Delete(work, true);
    }

    [Test]
    public async Task FirstStart_WithoutConfiguration_CreatesData_SeedsTheSamples_AndAcceptsATokenFromTheTokenVerb()
    {
        host = ChildHost.StartRaw("no-config", work, ["--urls", ChildHost.AnyPortUrl], Unconfigured);
        var port = await host.PortAsync(StartTimeout);
        using var anonymous = new HttpClient { BaseAddress = await host.ReadyAsync(StartTimeout), Timeout = TimeSpan.FromSeconds(60) };

        Assert.That(host.Output, Does.Contain($"Scoring đang chạy tại http://127.0.0.1:{port} (OpenAPI: http://127.0.0.1:{port}/openapi/v1.json)"));
        var data = Path.Combine(work, "data");
        Assert.That(File.Exists(Path.Combine(data, "scoring.db")), Is.True, "data/scoring.db created in the working directory");
        var key = Path.Combine(data, "signing-key.txt");
        Assert.That(File.Exists(key), Is.True, "data/signing-key.txt generated in the working directory");
        Assert.That((await File.ReadAllTextAsync(key)).Trim(), Has.Length.GreaterThanOrEqualTo(32));

        var token = MintToken("--role", "administrator");
        using var admin = new HttpClient { BaseAddress = anonymous.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var runs = await admin.GetAsync("/api/tenants/son-la/runs");
        using var refused = await anonymous.GetAsync("/api/tenants/son-la/runs");
        Assert.That(runs.StatusCode, Is.EqualTo(HttpStatusCode.OK), await runs.Content.ReadAsStringAsync());
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the runs need a token: the one accepted above is checked");
        using (var list = JsonDocument.Parse(await runs.Content.ReadAsStringAsync()))
        {
            var seeded = list.RootElement.EnumerateArray().ToList();
            Assert.That(seeded, Is.Not.Empty, "first start scored the samples' 2025 results");
            Assert.That(seeded.Select(r => r.GetProperty("year").GetInt32()), Is.All.EqualTo(2025));
            Assert.That(seeded.Select(r => r.GetProperty("status").GetString()), Is.All.EqualTo("completed"));
            Assert.That(seeded.Select(r => r.GetProperty("publishedAt").ValueKind), Is.All.EqualTo(JsonValueKind.String), "and published them");
        }

        // Published: anyone reads the 2025 card of a unit and the ranking of its cluster (samples/son-la/groups-2025.csv).
        using var card = await anonymous.GetAsync("/api/tenants/son-la/results/2025/units/SL-L001");
        using var ranking = await anonymous.GetAsync("/api/tenants/son-la/results/2025/groups/SL-C01");
        Assert.That(card.StatusCode, Is.EqualTo(HttpStatusCode.OK), await card.Content.ReadAsStringAsync());
        Assert.That(ranking.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ranking.Content.ReadAsStringAsync());

        // Only what the working directory holds was seeded: samples/ there has son-la alone.
        using var tenants = await anonymous.GetAsync("/api/tenants");
        Assert.That(tenants.StatusCode, Is.EqualTo(HttpStatusCode.OK), await tenants.Content.ReadAsStringAsync());
        using (var list = JsonDocument.Parse(await tenants.Content.ReadAsStringAsync()))
        {
            Assert.That(list.RootElement.EnumerateArray().Select(t => t.GetProperty("code").GetString()), Is.EqualTo(new[] { "son-la" }));
        }
    }

    /// <summary>Settings the test process may carry that would configure the host: removed, so the host sees none.</summary>
    private static void Unconfigured(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                     || k.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(name);
        }
    }

    /// <summary><c>dotnet Scoring.Host.dll token …</c> in the host's working directory, as a user would run it next to the service.</summary>
    private string MintToken(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
        Unconfigured(start.Environment);
        foreach (var arg in new[] { ChildHost.HostDll, "token" }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var token = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, () => $"token verb failed: {error.Result}");
        return token;
    }
}
