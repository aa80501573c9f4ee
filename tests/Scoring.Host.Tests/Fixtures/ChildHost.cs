using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>
/// The built host as a child process (<c>dotnet Scoring.Host.dll --urls http://127.0.0.1:0 --Auth:SigningKey …</c> plus the
/// given arguments), its console output kept for assertions. The host binds a port of the system's choosing and the port is
/// read from its "Now listening on:" line, so no port is picked here and lost to another process before the host binds it.
/// <see cref="Kill"/> sends SIGKILL (no shutdown, no cleanup). Dispose kills a host still running; so does the end of the
/// test process, for any host a failed test left behind.
/// </summary>
internal sealed partial class ChildHost : IDisposable
{
    public const string AnyPortUrl = "http://127.0.0.1:0";
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private static readonly TimeSpan ReadyRequestTimeout = TimeSpan.FromSeconds(5);
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();
    private readonly TaskCompletionSource<int> port = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    private ChildHost(Process process, string name)
    {
        Process = process;
        Name = name;
    }

    /// <summary>A label for messages (e.g. the Hangfire server name given as <c>Scheduler:InstanceId</c>).</summary>
    public string Name { get; }

    public Process Process { get; }

    /// <summary>The port the host listens on; only once it is known (after <see cref="PortAsync"/> or <see cref="ReadyAsync"/>).</summary>
    public int Port => port.Task.IsCompletedSuccessfully ? port.Task.Result
        : throw new InvalidOperationException($"host {Name} has not said where it listens yet: await PortAsync or ReadyAsync first");

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

    /// <summary>Starts the host with the tests' signing key on a port of the system's choosing.</summary>
    public static ChildHost Start(string name, string workingDirectory, IEnumerable<string> arguments) =>
        StartRaw(name, workingDirectory, new[] { "--urls", AnyPortUrl, "--Auth:SigningKey", ScoringHostFactory.SigningKey }.Concat(arguments));

    /// <summary>
    /// Starts <c>dotnet Scoring.Host.dll</c> with exactly these arguments (give <c>--urls http://127.0.0.1:0</c> to learn the
    /// port); <paramref name="environment"/> may change the child's environment variables first.
    /// </summary>
    public static ChildHost StartRaw(string name, string workingDirectory, IEnumerable<string> arguments, Action<IDictionary<string, string?>>? environment = null)
    {
        var dll = HostDll;
        Assert.That(File.Exists(dll), Is.True, $"{dll} is missing: build Scoring.Host first");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in new[] { dll }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        environment?.Invoke(start.Environment);

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        Running[process.Id] = process;
        var host = new ChildHost(process, name);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The port the host listens on, once its "Now listening on:" line is out; fails with the host's output when it exits first.</summary>
    public async Task<int> PortAsync(TimeSpan timeout)
    {
        await Poll.UntilAsync($"host {Name} listening", timeout, () =>
        {
            Assert.That(port.Task.IsCompleted || !Process.HasExited, Is.True, () => $"host {Name} exited with {Process.ExitCode}:\n{Output}");
            return Task.FromResult(port.Task.IsCompleted);
        });
        return await port.Task;
    }

    /// <summary>An administrator's client (the tests' signing key), once <c>/ready</c> answers 200; fails with the host's output when it exits first.</summary>
    public async Task<HttpClient> ClientAsync(TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = await ReadyAsync(timeout), Timeout = TimeSpan.FromSeconds(60) };
        var settings = new AuthSettings(AuthSettings.DefaultIssuer, AuthSettings.DefaultAudience, null, Encoding.UTF8.GetBytes(ScoringHostFactory.SigningKey));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenIssuer.Mint(settings, "test", Roles.Administrator, null, null, null, TimeSpan.FromHours(1)));
        return client;
    }

    /// <summary>The host's base address, once <c>/ready</c> answers 200; fails with the host's output when it exits first.</summary>
    public async Task<Uri> ReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var address = new Uri($"http://127.0.0.1:{await PortAsync(timeout)}/");
        using var client = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        var remaining = deadline - DateTime.UtcNow;
        await Poll.UntilAsync($"host {Name} ready", remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, async () =>
        {
            Assert.That(Process.HasExited, Is.False, () => $"host {Name} exited with {Process.ExitCode}:\n{Output}");
            // A slow answer from a busy host is one failed look, not the end of the wait.
            using var attempt = new CancellationTokenSource(ReadyRequestTimeout);
            try
            {
                using var answer = await client.GetAsync("/ready", attempt.Token);
                return answer.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        });
        return address;
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

        if (!port.Task.IsCompleted && ListeningLine().Match(line) is { Success: true } match)
        {
            port.TrySetResult(int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture));
        }
    }

    // ASP.NET Core's lifetime log line, e.g. "      Now listening on: http://127.0.0.1:40123".
    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
