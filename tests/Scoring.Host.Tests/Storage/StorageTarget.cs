using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Storage;

/// <summary>A fresh, empty database on one provider, for storage tests that run on both.</summary>
internal sealed class StorageTarget : IDisposable
{
    private readonly string? directory;

    public StorageTarget(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            Settings = new StorageSettings(provider, PostgresFixture.Instance.CreateDatabase(), Path.GetTempPath());
        }
        else
        {
            directory = Directory.CreateTempSubdirectory("scoring-db-").FullName;
            Settings = new StorageSettings(provider, new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "scoring.db"), ForeignKeys = true, Pooling = false }.ConnectionString, directory);
        }
    }

    public DatabaseProvider Provider { get; }

    public StorageSettings Settings { get; }

    public DbConnection OpenConnection()
    {
        DbConnection connection = Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(Settings.ConnectionString) : new SqliteConnection(Settings.ConnectionString);
        connection.Open();
        return connection;
    }

    public ScoringDbContext Context()
    {
        var options = new DbContextOptionsBuilder<ScoringDbContext>();
        StorageExtensions.Configure(options, Settings);
        return new ScoringDbContext(options.Options);
    }

    public void Dispose()
    {
        if (directory is not null)
        {
            Directory.Delete(directory, true);
        }
    }
}
