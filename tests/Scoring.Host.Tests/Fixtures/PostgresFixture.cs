using Npgsql;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb + pg_ctl, trust auth, a random loopback port), started once for the test run and
/// removed at the end (<see cref="TestServers"/>) or, failing that, when the test process exits. As root the cluster runs as
/// the postgres user (PostgreSQL refuses to run as root); otherwise as the current user. When the port picked was taken in
/// between, the start is retried on another. Each test gets its own database. Fails clearly when PostgreSQL is not installed.
/// </summary>
internal sealed class PostgresFixture : IDisposable
{
    private const int Attempts = 5;
    private static readonly Lazy<PostgresFixture> Shared = new(() => new PostgresFixture());
    private readonly string bin;
    private readonly string directory;
    private readonly bool asRoot = Environment.UserName == "root";
    private int databases;
    private int disposed;

    private PostgresFixture()
    {
        bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => d, StringComparer.Ordinal).LastOrDefault() ?? ""
            : "";
        if (bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Run: bash scripts/install-prerequisites.sh");
        }

        directory = Directory.CreateTempSubdirectory("scoring-pg-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        if (asRoot)
        {
            ProcessRunner.Run("chown", "postgres:postgres", directory);
        }

        Shell($"{bin}/initdb -D {directory}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null");
        var failures = new List<string>();
        for (var attempt = 1; ; attempt++)
        {
            Port = ProcessRunner.FreePort();
            try
            {
                Shell($"{bin}/pg_ctl -D {directory}/data -o '-h 127.0.0.1 -p {Port} -k {directory} -c fsync=off -c max_connections=200' -l {directory}/pg.log -w -t 120 start > /dev/null");
                return;
            }
            catch (InvalidOperationException e)
            {
                // Most likely the port was taken between picking and binding: the log says so.
                var log = Path.Combine(directory, "pg.log");
                failures.Add($"port {Port}: {e.Message}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}");
                if (attempt == Attempts)
                {
                    throw new InvalidOperationException($"PostgreSQL did not start in {Attempts} attempts:\n{string.Join('\n', failures)}");
                }
            }
        }
    }

    public static PostgresFixture Instance => Shared.Value;

    public static bool Started => Shared.IsValueCreated;

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = $"t{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}"[..20];
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>Stops the cluster and removes its folder, once (the suite's teardown or the process exit, whichever comes first).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(directory, "data", "postmaster.pid")))
            {
                Shell($"{bin}/pg_ctl -D {directory}/data -m immediate stop > /dev/null");
            }
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private void Shell(string command)
    {
        if (asRoot)
        {
            ProcessRunner.Run("su", "postgres", "-s", "/bin/sh", "-c", command);
        }
        else
        {
            ProcessRunner.Run("/bin/sh", "-c", command);
        }
    }
}
