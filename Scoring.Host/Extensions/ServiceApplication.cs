using NodaTime;

namespace Scoring.Host.Extensions;

/// <summary>Builds the web application: services, endpoints, jobs.</summary>
internal static class ServiceApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(HostOptions.For(args));
        var storage = StorageSettings.From(builder.Configuration);
        Directory.CreateDirectory(storage.DataDirectory);

        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton<ReadinessState>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddScoringStorage(storage);
        builder.Services.AddScoringAuth(AuthSettings.From(builder.Configuration));
        builder.Services.AddScoringAccounts();
        builder.Services.AddVietnameseProblemDetails();
        builder.Services.AddScoringOpenApi();
        builder.Services.AddScoringFeatures(builder.Configuration, storage);
        builder.Services.AddPublicPages();
        builder.Services.AddScoringTelemetry(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseMiddleware<BodyLimitGate>();
        app.UseAuthentication();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseMiddleware<AntiforgeryForCookies>();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseScoringDashboard();
        app.MapScoringMetrics();
        // Only the one document the service has: another name finds no endpoint and gets the Vietnamese 404 problem,
        // not the OpenAPI middleware's English text.
        app.MapOpenApi("/openapi/{documentName:regex(^v1$)}.json");
        var api = app.MapGroup(string.Empty).WithAuthorizationProblems().WithBodyLimits(app.Services.GetRequiredService<EvidencePolicy>());
        api.MapHealthApi();
        api.MapTenantsApi();
        api.MapRuleSetsApi();
        api.MapUnitsApi();
        api.MapGroupsApi();
        api.MapSubmissionsApi();
        api.MapImportsApi();
        api.MapRunsApi();
        api.MapAwardsApi();
        api.MapCouncilApi();
        api.MapMovementScoresApi();
        api.MapReviewsApi();
        api.MapSensitivityApi();
        app.MapRazorPages().WithPageBodyLimits(app.Services.GetRequiredService<EvidencePolicy>());
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"Scoring đang chạy tại {url} (OpenAPI: {url.TrimEnd('/')}/openapi/v1.json)");
            }
        });
        return app;
    }
}
