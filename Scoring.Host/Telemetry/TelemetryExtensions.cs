using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Scoring.Host.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>The meters the Prometheus endpoint exposes besides ASP.NET Core's, HttpClient's and the runtime's.</summary>
    private static readonly string[] OwnMeters = [RunTelemetry.Name, DatabaseTelemetry.Name, CacheTelemetry.Name];

    /// <summary>
    /// OpenTelemetry traces and metrics: requests, outgoing HTTP (an authority's keys), EF Core commands, runs and the Redis
    /// cache. Metrics are read by Prometheus at <c>/metrics</c>; traces go to an OTLP collector when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (otherwise they are only made for whoever listens in-process).
    /// </summary>
    public static IServiceCollection AddScoringTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(MetricsAccess.From(configuration));
        services.AddSingleton<RunTelemetry>();
        services.AddSingleton<CacheTelemetry>();
        services.TryAddSingleton(sp => new DatabaseTelemetry(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<StorageSettings>().Provider));
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var redis = !string.IsNullOrWhiteSpace(configuration["Redis:Configuration"] ?? configuration.GetConnectionString("Redis"));
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("scoring"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(OwnMeters)
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            })
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/metrics"))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource(RunTelemetry.Name);
                if (redis)
                {
                    // Spans of Redis commands are collected from the client's profiler and exported every second.
                    t.AddRedisInstrumentation(o => o.FlushInterval = TimeSpan.FromSeconds(1));
                }

                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary><c>/metrics</c> in Prometheus text format, for administrators and <c>Metrics:AllowedNetworks</c> only.</summary>
    public static WebApplication MapScoringMetrics(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(access.GateAsync), optionsName: null)
            .ExcludeFromDescription();
        return app;
    }
}
