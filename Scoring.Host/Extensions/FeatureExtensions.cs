using Scoring.Engine;

namespace Scoring.Host.Extensions;

internal static class FeatureExtensions
{
    /// <summary>Feature services, the cache (Redis when <c>Redis:Configuration</c> is set) and Hangfire (persistent; clustered on PostgreSQL).</summary>
    public static IServiceCollection AddScoringFeatures(this IServiceCollection services, IConfiguration configuration, StorageSettings storage)
    {
        services.AddSingleton(new EvidencePolicy(configuration.GetValue("Submissions:MaxEvidenceBytes", EvidencePolicy.DefaultMaxBytes)));
        services.AddScoped<SubmissionWorkflow>();
        services.AddScoped<SubmissionSaveWorkflow>();
        services.AddScoped<SubmissionValueRules>();
        services.AddScoped<TenantService>();
        services.AddScoped<UnitService>();
        services.AddScoped<GroupService>();
        services.AddScoped<RunService>();
        services.AddScoped<SecretariatService>();
        services.AddScoped<SecretariatReminders>();
        services.AddScoped<RunPublisher>();
        services.AddScoped<RunVerifier>();
        services.AddScoped<CouncilGate>();
        services.AddScoped<CouncilService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ReviewCalculator>();
        services.AddScoped<ReviewPublisher>();
        services.AddScoped<ReviewVerifier>();
        services.AddSingleton<ReviewExecutor>();
        services.AddScoped<RuleSetPublication>();
        services.AddScoped<RuleSetDrafts>();
        services.AddScoped<DraftSimulator>();
        services.AddScoped<SensitivityAnalyses>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<CompiledRuleSetCache>();
        services.AddSingleton<PublishedRuleSets>();
        services.AddScoped<PublicResults>();
        services.AddScoped<AuthoritativeImport>();
        services.AddScoped<AdminConsole.AccountDirectory>();
        services.AddSingleton<EngineRunCalculator>();
        services.AddSingleton<IRunCalculator>(sp => sp.GetRequiredService<EngineRunCalculator>());

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
}
