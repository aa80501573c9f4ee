using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Storage;

/// <summary>
/// Runs before the scheduler and the web server start: creates the data folder, brings the schema to the latest
/// version, then seeds an empty database. Readiness reports ready only after this. On PostgreSQL the whole start-up
/// holds an advisory lock, so hosts started together on an empty database seed it once: the others wait, then find it seeded.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, StorageSettings settings, IClock clock, ReadinessState readiness, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    // One key for "a host is starting"; the schema migrator takes its own (advisory locks are re-entrant per session).
    private const string LockStartup = "SELECT pg_advisory_lock(73520252031)";
    private const string UnlockStartup = "SELECT pg_advisory_unlock(73520252031)";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
            var postgres = settings.Provider == DatabaseProvider.Postgres;
            if (postgres)
            {
                // Session-level and held on the context's connection, which stays open until the scope ends.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync(LockStartup, cancellationToken);
            }

            try
            {
                var applied = await new SchemaMigrator(settings.Provider, clock).MigrateAsync(db.Database.GetDbConnection(), null, cancellationToken);
                if (applied.Count > 0)
                {
                    logger.LogInformation("Schema upgraded: applied version(s) {Versions} on {Provider}", string.Join(", ", applied), settings.Provider);
                }

                foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder>())
                {
                    await seeder.SeedAsync(db, cancellationToken);
                }
            }
            finally
            {
                if (postgres)
                {
                    await db.Database.ExecuteSqlRawAsync(UnlockStartup, CancellationToken.None);
                }
            }
        }

        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
