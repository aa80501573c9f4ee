using Quartz;

namespace Scoring.Host.Extensions;

internal static class FeatureExtensions
{
    /// <summary>Feature services, the cache (Redis when <c>Redis:Configuration</c> is set) and Quartz (persistent; clustered on PostgreSQL).</summary>
    public static IServiceCollection AddScoringFeatures(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        services.AddSingleton(new EvidencePolicy(configuration.GetValue("Submissions:MaxEvidenceBytes", EvidencePolicy.DefaultMaxBytes)));
        services.AddScoped<SubmissionWorkflow>();
        services.AddScoped<RunService>();
        services.AddScoped<RunPublisher>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<IRunCalculator, EngineRunCalculator>();
        services.AddSingleton<IRunScheduler, QuartzRunScheduler>();
        services.AddSingleton<YearlySchedule>();

        var redis = configuration["Redis:Configuration"] ?? configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IResultCache, NullResultCache>();
        }
        else
        {
            // Parsed now, so a malformed value stops start-up with the key named; connects in the background, so an
            // unreachable Redis never delays start-up or a request.
            var redisOptions = RedisResultCache.ParseOptions(redis);
            services.AddSingleton<IResultCache>(sp => new RedisResultCache(redisOptions, sp.GetRequiredService<ILogger<RedisResultCache>>(), sp.GetRequiredService<CacheTelemetry>()));
            services.AddHostedService<ResultCacheStarter>();
        }

        services.AddScoringJobs(configuration, storage);
        return services;
    }

    private static void AddScoringJobs(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        var scheduler = SchedulerSettings.From(configuration);
        // The reminder job reads its offsets when it fires; a wrong value is refused now rather than at 08:00 some day.
        _ = ReminderOffsets.From(configuration);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = scheduler.InstanceName;
                if (scheduler.InstanceId is not null)
                {
                    o.InstanceId = scheduler.InstanceId;
                }

                o.IdleWaitTime = TimeSpan.FromSeconds(1);
            });
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = scheduler.Threads);
            q.UsePersistentStore(s =>
            {
                if (storage.Provider == DatabaseProvider.Postgres)
                {
                    s.UsePostgres(storage.QuartzConnectionString);
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = scheduler.CheckinInterval;
                        c.CheckinMisfireThreshold = scheduler.CheckinMisfireThreshold;
                    });
                }
                else
                {
                    s.UseSqlite(storage.QuartzConnectionString);
                }

                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();
            });
            q.AddJobType<ScoringRunJob>();
            q.AddJobType<YearlyScoringJob>();
            q.AddJobType<ReminderJob>();
        });
        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = false);
        services.AddHostedService<JobScheduleInitializer>();
        services.AddHostedService<RunRecovery>();
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = false;
            o.AwaitApplicationStarted = false;
        });
    }
}
