using Npgsql;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL cluster (initdb + pg_ctl as the postgres user, trust auth, a random loopback port), started once
/// for the test run and removed at the end. Each test gets its own database. Fails clearly when PostgreSQL is not installed.
/// </summary>
internal sealed class PostgresFixture : IDisposable
{
    private static readonly Lazy<PostgresFixture> Shared = new(() => new PostgresFixture());
    private readonly string bin;
    private readonly string directory;
    private int databases;

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
        Port = ProcessRunner.FreePort();
        ProcessRunner.Run("chown", "postgres:postgres", directory);
        AsPostgres($"{bin}/initdb -D {directory}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null");
        AsPostgres($"{bin}/pg_ctl -D {directory}/data -o '-h 127.0.0.1 -p {Port} -k {directory} -c fsync=off -c max_connections=200' -l {directory}/pg.log -w start > /dev/null");
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

    public void Dispose()
    {
        try
        {
            AsPostgres($"{bin}/pg_ctl -D {directory}/data -m immediate stop > /dev/null");
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static void AsPostgres(string command) => ProcessRunner.Run("su", "postgres", "-s", "/bin/sh", "-c", command);
}
