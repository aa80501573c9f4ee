using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Scoring.Host.Auth;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>
/// The built host as a child process (<c>dotnet Scoring.Host.dll --urls … --Auth:SigningKey …</c> plus the given
/// arguments), its console output kept for assertions. <see cref="Kill"/> sends SIGKILL (no shutdown, no cleanup).
/// Dispose kills a host still running; so does the end of the test process, for any host a failed test left behind.
/// </summary>
internal sealed class ChildHost : IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    static ChildHost()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                TryKill(process);
            }
        };
    }

    private ChildHost(Process process, int port, string name)
    {
        Process = process;
        Port = port;
        Name = name;
    }

    /// <summary>A label for messages (e.g. the Quartz instance id).</summary>
    public string Name { get; }

    public Process Process { get; }

    public int Port { get; }

    /// <summary>Everything the host wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    public static string HostDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testBin.Parent!.Name;   // Debug or Release, as the tests were built
            return Path.Combine(TestData.RepositoryRoot, "Scoring.Host", "bin", configuration, testBin.Name, "Scoring.Host.dll");
        }
    }

    public static ChildHost Start(string name, string workingDirectory, IEnumerable<string> arguments)
    {
        var dll = HostDll;
        Assert.That(File.Exists(dll), Is.True, $"{dll} is missing: build Scoring.Host first");
        var port = ProcessRunner.FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--Auth:SigningKey", ScoringHostFactory.SigningKey }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        Running[process.Id] = process;
        var host = new ChildHost(process, port, name);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>An administrator's client, once <c>/ready</c> answers 200; fails with the host's output when it exits first.</summary>
    public async Task<HttpClient> ClientAsync(TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(30) };
        var settings = new AuthSettings(AuthSettings.DefaultIssuer, AuthSettings.DefaultAudience, null, Encoding.UTF8.GetBytes(ScoringHostFactory.SigningKey));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenIssuer.Mint(settings, "test", Roles.Administrator, null, null, null, TimeSpan.FromHours(1)));
        await Poll.UntilAsync($"host {Name} ready", timeout, async () =>
        {
            Assert.That(Process.HasExited, Is.False, () => $"host {Name} exited with {Process.ExitCode}:\n{Output}");
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

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public void Kill()
    {
        Process.Kill();
        Process.WaitForExit();
        Running.TryRemove(Process.Id, out _);
    }

    public void Dispose()
    {
        TryKill(Process);
        Running.TryRemove(Process.Id, out _);
        Process.Dispose();
    }

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.AppendLine(line);
        }
    }
}
