using System.Diagnostics;
using System.Net.Sockets;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>
/// A real redis-server on a random loopback port without persistence. <see cref="Stop"/> and <see cref="Start"/> let a
/// test take Redis down and bring it back on the same port. Fails clearly when redis-server is not installed.
/// </summary>
internal sealed class RedisFixture : IDisposable
{
    private Process? server;

    public RedisFixture()
    {
        Executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed. Run: bash scripts/install-prerequisites.sh");
        Port = ProcessRunner.FreePort();
        Start();
    }

    public string Executable { get; }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000,connectRetry=1";

    public bool Running => server is { HasExited: false };

    public void Start()
    {
        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        WaitUntil(() => Accepts(), "redis-server did not start listening");
    }

    public void Stop()
    {
        if (server is { HasExited: false })
        {
            server.Kill();
            server.WaitForExit();
        }

        WaitUntil(() => !Accepts(), "redis-server did not stop");
    }

    public void Dispose()
    {
        Stop();
        server?.Dispose();
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
