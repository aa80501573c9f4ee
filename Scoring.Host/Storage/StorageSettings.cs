using Microsoft.Data.Sqlite;

namespace Scoring.Host.Storage;

/// <summary>
/// Where the data lives: <c>ConnectionStrings:Postgres</c> when set, otherwise a SQLite file
/// <c>scoring.db</c> under <c>Storage:DataDirectory</c> (default <c>./data</c>), created on first start.
/// </summary>
internal sealed record StorageSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static StorageSettings From(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["Storage:DataDirectory"] is { Length: > 0 } d ? d : "data");
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new StorageSettings(DatabaseProvider.Postgres, postgres, dataDirectory);
        }

        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "scoring.db"),
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = false,
        };
        return new StorageSettings(DatabaseProvider.Sqlite, sqlite.ConnectionString, dataDirectory);
    }
}
