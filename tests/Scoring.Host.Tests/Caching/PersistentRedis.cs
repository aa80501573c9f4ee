using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Caching;

/// <summary>
/// A real redis-server with persistence (<c>appendonly yes</c>, fsync always) in its own folder on a fixed loopback port, so
/// that keys written before <see cref="Stop"/> are there again after <see cref="Start"/>, as on a production Redis.
/// Created stopped: a test can start a host first with Redis configured but down.
/// </summary>
internal sealed class PersistentRedis : IDisposable
{
    private readonly string executable;
    private readonly string directory;
    private Process? server;

    public PersistentRedis()
    {
        executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed. Run: bash scripts/install-prerequisites.sh");
        directory = Directory.CreateTempSubdirectory("scoring-redis-aof-").FullName;
        Port = ProcessRunner.FreePort();
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000,connectRetry=1";

    public void Start()
    {
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory,
            "--appendonly", "yes", "--appendfsync", "always", "--save", "",
        })
        {
            start.ArgumentList.Add(arg);
        }

        server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        WaitUntil(Accepts, "redis-server did not start listening");
    }

    /// <summary>Kills the server (no shutdown save: what survives is what the append-only file already holds).</summary>
    public void Stop()
    {
        if (server is { HasExited: false })
        {
            server.Kill();
            server.WaitForExit();
        }

        server?.Dispose();
        server = null;
        WaitUntil(() => !Accepts(), "redis-server did not stop");
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(directory, true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
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
        var deadline = DateTime.UtcNow.AddSeconds(20);
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
