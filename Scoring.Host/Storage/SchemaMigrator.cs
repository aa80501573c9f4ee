using System.Data;
using System.Data.Common;
using System.Reflection;
using NodaTime;

namespace Scoring.Host.Storage;

/// <summary>
/// Applies the versioned SQL scripts under <c>Infrastructure/Schema/{sqlite,postgres}</c> in order. Each script runs in
/// its own transaction together with its row in <c>schema_versions</c>, so a failed upgrade leaves the previous version.
/// On PostgreSQL an advisory lock makes concurrent starts of several hosts safe.
/// </summary>
internal sealed class SchemaMigrator(DatabaseProvider provider, IClock clock)
{
    private const long AdvisoryLockKey = 7_352_025_2030;

    public static IReadOnlyList<SchemaScript> Scripts(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith($"schema/{folder}/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => SchemaScript.Read(assembly, n))
            .OrderBy(s => s.Version)
            .ToList();
    }

    public static int LatestVersion(DatabaseProvider provider) => Scripts(provider).Max(s => s.Version);

    /// <summary>Brings the database to <paramref name="targetVersion"/> (default: the latest). Returns the versions applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(DbConnection connection, int? targetVersion = null, CancellationToken ct = default)
    {
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        var applied = new List<int>();
        if (provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        }
        else
        {
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", ct);
        }

        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)", ct);
            foreach (var script in Scripts(provider).Where(s => targetVersion is null || s.Version <= targetVersion))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                if (await IsAppliedAsync(connection, tx, script.Version, ct))
                {
                    await tx.RollbackAsync(ct);
                    continue;
                }

                await ExecuteAsync(connection, tx, script.Sql, ct);
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = tx;
                    insert.CommandText = "INSERT INTO schema_versions (version, name, applied_at) VALUES (@v, @n, @a)";
                    AddParameter(insert, "@v", script.Version);
                    AddParameter(insert, "@n", script.Name);
                    AddParameter(insert, "@a", clock.GetCurrentInstant().ToUnixTimeTicks());
                    await insert.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                applied.Add(script.Version);
            }
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }

        return applied;
    }

    /// <summary>The versions recorded in <c>schema_versions</c>, ascending.</summary>
    public static async Task<IReadOnlyList<int>> AppliedVersionsAsync(DbConnection connection, CancellationToken ct = default)
    {
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_versions ORDER BY version";
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return versions;
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction tx, int version, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT COUNT(*) FROM schema_versions WHERE version = @v";
        AddParameter(command, "@v", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
