using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Net.Http.Headers;

namespace Scoring.Host.Jobs;

/// <summary>
/// In front of the Hangfire dashboard (<c>/hangfire</c>): administrators (bearer token or sign-in cookie, already read by
/// the service's default scheme) pass; everyone else gets 403, signed in or not — Hangfire on its own would answer 401 to a
/// caller without credentials. A browser asking for a page gets the Vietnamese 403 page (its header offers sign-in),
/// any other caller a ProblemDetails.
/// </summary>
internal sealed class DashboardGate(EndpointDataSource endpoints)
{
    private Endpoint? forbiddenPage;

    public async Task GateAsync(HttpContext context, RequestDelegate next)
    {
        if (context.User.HasClaim(ClaimNames.Role, Roles.Administrator))
        {
            await next(context);
            return;
        }

        if (WantsPage(context.Request) && ForbiddenPage() is { } page)
        {
            await ShowAsync(context, page);
            return;
        }

        await Problems.Forbidden(context.User.Identity?.IsAuthenticated == true
                ? "Bảng theo dõi tác vụ (/hangfire) chỉ dành cho quản trị viên; tài khoản của bạn không được mở."
                : "Bảng theo dõi tác vụ (/hangfire) chỉ dành cho quản trị viên: hãy đăng nhập hoặc gửi token của tài khoản quản trị.")
            .ExecuteAsync(context);
    }

    private static bool WantsPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>The service's own 403 page (<see cref="AccountsExtensions.ForbiddenPath"/>), rendered in place for the dashboard's address.</summary>
    private static Task ShowAsync(HttpContext context, Endpoint page)
    {
        var asked = context.Request.PathBase + context.Request.Path;
        context.Request.Path = AccountsExtensions.ForbiddenPath;
        context.Request.QueryString = QueryString.Create("returnUrl", asked.ToString());
        context.Request.RouteValues = new RouteValueDictionary(page.Metadata.GetRequiredMetadata<ActionDescriptor>().RouteValues!);
        context.SetEndpoint(page);
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return page.RequestDelegate!(context);
    }

    private Endpoint? ForbiddenPage() => forbiddenPage ??= endpoints.Endpoints.OfType<RouteEndpoint>()
        .FirstOrDefault(e => e.RequestDelegate is not null && e.Metadata.GetMetadata<ActionDescriptor>() is not null
            && string.Equals("/" + e.RoutePattern.RawText?.TrimStart('/'), AccountsExtensions.ForbiddenPath, StringComparison.Ordinal));
}
