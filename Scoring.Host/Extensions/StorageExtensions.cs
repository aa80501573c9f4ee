using Microsoft.EntityFrameworkCore;

namespace Scoring.Host.Extensions;

internal static class StorageExtensions
{
    /// <summary>Registers the DbContext on SQLite (default) or PostgreSQL (when <c>ConnectionStrings:Postgres</c> is set).</summary>
    public static IServiceCollection AddScoringStorage(this IServiceCollection services, StorageSettings settings)
    {
        services.AddSingleton(settings);
        services.AddDbContext<ScoringDbContext>((sp, options) =>
        {
            Configure(options, settings);
            if (sp.GetService<DatabaseTelemetry>() is { } telemetry)
            {
                options.AddInterceptors(telemetry);
            }
        });
        services.AddScoped<IDatabaseSeeder, SampleSeeder>();
        services.AddScoped<SampleResultsPublisher>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, StorageSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(settings.ConnectionString);
        }
        else
        {
            options.UseSqlite(settings.ConnectionString);
        }
    }
}
