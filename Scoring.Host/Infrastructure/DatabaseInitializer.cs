using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Scoring.Host.Infrastructure;

/// <summary>
/// Runs before the scheduler and the web server start: creates the data folder, brings the schema to the latest
/// version, then seeds an empty database. Readiness reports ready only after this.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, StorageSettings settings, IClock clock, ReadinessState readiness, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
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

        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
