using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>
/// A real redis-server on a random loopback port, without persistence, or with it (<see cref="Persistent"/>).
/// <see cref="Stop"/> and <see cref="Start"/> let a test take Redis down and bring it back on the same port. The first
/// start tries another port when the one picked was taken in between. Fails clearly when redis-server is not installed.
/// A server left running is killed when the test process exits.
/// </summary>
internal sealed class RedisFixture : IDisposable
{
    private const int Attempts = 5;
    private static readonly ConcurrentDictionary<int, Process> Servers = new();
    private readonly string? dataDirectory;
    private Process? server;

    static RedisFixture()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Servers.Values)
            {
                Kill(process);
            }
        };
    }

    public RedisFixture()
        : this(dataDirectory: null)
    {
        var failures = new List<string>();
        for (var attempt = 1; ; attempt++)
        {
            Port = ProcessRunner.FreePort();
            if (TryStart(out var failure))
            {
                return;
            }

            failures.Add($"port {Port}: {failure}");
            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"redis-server did not start in {Attempts} attempts:\n{string.Join('\n', failures)}");
            }
        }
    }

    private RedisFixture(string? dataDirectory)
    {
        Executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed. Run: bash scripts/install-prerequisites.sh");
        this.dataDirectory = dataDirectory;
        Port = ProcessRunner.FreePort();
    }

    public string Executable { get; }

    public int Port { get; private set; }

    /// <summary>Generous timeouts: on a loaded CI machine a first connect or a command can take seconds.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=15000,syncTimeout=15000,connectRetry=3";

    public bool Running => server is { HasExited: false };

    /// <summary>
    /// A redis-server that keeps its keys over a stop and a start (<c>appendonly yes</c>, fsync always, in its own
    /// folder), as a production Redis does. Created stopped, so a test can start a host first with Redis configured but down.
    /// </summary>
    public static RedisFixture Persistent() => new(Directory.CreateTempSubdirectory("scoring-redis-aof-").FullName);

    /// <summary>Starts (again) on <see cref="Port"/>.</summary>
    public void Start()
    {
        if (!TryStart(out var failure))
        {
            throw new InvalidOperationException($"redis-server did not start on port {Port}: {failure}");
        }
    }

    public void Stop()
    {
        if (server is { } process)
        {
            Kill(process);
            Servers.TryRemove(process.Id, out _);
        }

        WaitUntil(() => !Accepts(), "redis-server did not stop");
    }

    public void Dispose()
    {
        Stop();
        server?.Dispose();
        if (dataDirectory is not null)
        {
            Directory.Delete(dataDirectory, true);
        }
    }

    /// <summary>Starts redis-server and waits for its own "Ready to accept connections" line (a port that merely accepts could be someone else's).</summary>
    private bool TryStart(out string failure)
    {
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] persistence = dataDirectory is null
            ? ["--appendonly", "no"]
            : ["--dir", dataDirectory, "--appendonly", "yes", "--appendfsync", "always"];
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "" }.Concat(persistence))
        {
            start.ArgumentList.Add(arg);
        }

        var log = new System.Text.StringBuilder();
        var ready = new ManualResetEventSlim();
        server?.Dispose();
        server = Process.Start(start)!;
        Servers[server.Id] = server;
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.Set();
            }
        };
        server.OutputDataReceived += collect;
        server.ErrorDataReceived += collect;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!ready.Wait(100))
        {
            if (server.HasExited || DateTime.UtcNow > deadline)
            {
                Kill(server);
                Servers.TryRemove(server.Id, out _);
                lock (log)
                {
                    failure = server.HasExited ? $"exited with {server.ExitCode}:\n{log}" : $"not ready within 60 s:\n{log}";
                }

                return false;
            }
        }

        failure = "";
        return true;
    }

    private static void Kill(Process process)
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

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void WaitUntil(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(failure);
            }

            Thread.Sleep(50);
        }
    }
}
