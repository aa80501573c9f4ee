using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Npgsql;

namespace Scoring.Host.Jobs;

/// <summary>
/// The Hangfire storage of this host. PostgreSQL (when configured): schema <c>hangfire</c> in the service's database, shared
/// by every host, which makes them one cluster; a fetched job's <c>fetchedat</c> is renewed every fifth of the invisibility
/// timeout while it runs (sliding invisibility), so only a job whose host died stays unrenewed, and another host takes it
/// once the timeout has passed. SQLite (the embedded default): its own file <c>hangfire.db</c> beside <c>scoring.db</c> (one
/// host; no sliding invisibility there, so the timeout is long and a restart resumes unfinished runs through
/// <see cref="RunRecovery"/> instead).
/// </summary>
internal static class JobStorageFactory
{
    public const string PostgresSchema = "hangfire";
    public static readonly TimeSpan SqliteInvisibilityTimeout = TimeSpan.FromMinutes(30);

    // Hosts started together on an empty database install Hangfire's schema one after another.
    private const string LockInstall = "SELECT pg_advisory_lock(73520252032)";
    private const string UnlockInstall = "SELECT pg_advisory_unlock(73520252032)";

    public static JobStorage Create(StorageSettings storage, SchedulerSettings scheduler, ILogger logger)
    {
        if (storage.Provider != DatabaseProvider.Postgres)
        {
            return new SQLiteStorage(Path.Combine(storage.DataDirectory, "hangfire.db"), new SQLiteStorageOptions
            {
                QueuePollInterval = scheduler.PollInterval,
                InvisibilityTimeout = SqliteInvisibilityTimeout,
            });
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = scheduler.PollInterval,
            InvisibilityTimeout = scheduler.InvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
        };
        using var connection = new NpgsqlConnection(storage.ConnectionString);
        connection.Open();
        using (var command = new NpgsqlCommand(LockInstall, connection))
        {
            command.ExecuteNonQuery();
        }

        try
        {
            var created = new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString, options), options);
            logger.LogInformation("Hangfire storage: PostgreSQL schema {Schema}, invisibility timeout {Timeout} (sliding)", PostgresSchema, scheduler.InvisibilityTimeout);
            return created;
        }
        finally
        {
            using var unlock = new NpgsqlCommand(UnlockInstall, connection);
            unlock.ExecuteNonQuery();
        }
    }
}
