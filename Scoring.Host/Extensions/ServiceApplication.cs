namespace Scoring.Host.Extensions;

/// <summary>Builds the web application: services, endpoints, jobs.</summary>
internal static class ServiceApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        return app;
    }
}
