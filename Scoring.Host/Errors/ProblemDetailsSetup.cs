namespace Scoring.Host.Errors;

/// <summary>Vietnamese ProblemDetails for every error answer, including the framework's own (see <see cref="FrameworkProblems"/>).</summary>
internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddVietnameseProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = FrameworkProblems.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (malformed JSON, wrong parameter types) are thrown, so the handler sees what went wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<ExceptionHandlerOptions>(o => o.SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException);
        return services;
    }
}
