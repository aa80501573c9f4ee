using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Scoring.Host.Tests.Apis;

/// <summary>
/// Test only: a request to <see cref="Path"/> that no endpoint matched throws at the end of the host's own pipeline, inside
/// its exception handler, as a bug in a handler would.
/// </summary>
internal sealed class ThrowingEndpointFilter : IStartupFilter
{
    public const string Path = "/api/test-only/boom";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, RequestDelegate rest) => context.Request.Path == Path
            ? throw new InvalidOperationException("Connection string 'Secret=hunter2' failed in SecretRepository.Load")
            : rest(context));
    };
}
