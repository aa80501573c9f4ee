using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Scoring.Host.Errors;

/// <summary>
/// Fills in Vietnamese title and detail for the problems the framework writes without a detail (status code pages after
/// 401, 403, 404, 405, 415 and friends). Problems written by handlers always carry a detail and are left unchanged.
/// A 404 under /api tells an unknown address from a known one whose route parameter has the wrong form (e.g. a year "abc").
/// </summary>
internal static class FrameworkProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null || context.Exception is not null)
        {
            return;
        }

        var http = context.HttpContext;
        var status = problem.Status ?? http.Response.StatusCode;
        var request = http.Request;
        var path = (request.PathBase + request.Path).ToString();
        (problem.Title, problem.Detail) = status switch
        {
            StatusCodes.Status400BadRequest => (ProblemTexts.BadRequestTitle, ProblemTexts.BadRequest),
            StatusCodes.Status401Unauthorized => (ProblemTexts.UnauthorizedTitle, ProblemTexts.Unauthorized),
            StatusCodes.Status403Forbidden => (ProblemTexts.ForbiddenTitle, ProblemTexts.Forbidden),
            StatusCodes.Status404NotFound => NotFound(http, path),
            StatusCodes.Status405MethodNotAllowed => (ProblemTexts.MethodNotAllowedTitle,
                ProblemTexts.MethodNotAllowed(request.Method, path, http.Response.Headers.Allow.ToString())),
            StatusCodes.Status413PayloadTooLarge => (ProblemTexts.TooLargeTitle, ProblemTexts.TooLarge),
            StatusCodes.Status415UnsupportedMediaType => (ProblemTexts.UnsupportedMediaTitle,
                ProblemTexts.UnsupportedMedia(request.ContentType, request.HasFormContentType)),
            >= 500 => (ProblemTexts.ServerErrorTitle, ProblemTexts.ServerError),
            _ => (ProblemTexts.OtherTitle, ProblemTexts.Other(status)),
        };
    }

    private static (string Title, string Detail) NotFound(HttpContext http, string path)
    {
        if (!http.Request.Path.StartsWithSegments("/api") || http.Features.Get<IEndpointFeature>()?.Endpoint is not null && IsApiEndpoint(http))
        {
            return (ProblemTexts.NotFoundTitle, ProblemTexts.NotFound);
        }

        return Mismatch(http) is { } mismatch
            ? (ProblemTexts.RouteMismatchTitle, ProblemTexts.RouteMismatch(mismatch.Name, mismatch.Value, mismatch.Constraint))
            : (ProblemTexts.NotFoundTitle, ProblemTexts.UnknownRoute(http.Request.Method, path));
    }

    private static bool IsApiEndpoint(HttpContext http) => http.GetEndpoint() is RouteEndpoint;

    /// <summary>
    /// The first API route whose template matches the path when constraints are ignored, and the parameter whose
    /// constraint then fails: the caller reached a real address with a badly formed value.
    /// </summary>
    private static (string Name, string? Value, string Constraint)? Mismatch(HttpContext http)
    {
        var sources = http.RequestServices.GetService<EndpointDataSource>();
        var resolver = http.RequestServices.GetService<IInlineConstraintResolver>();
        if (sources is null || resolver is null)
        {
            return null;
        }

        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (pattern.Parameters.All(p => p.ParameterPolicies.Count == 0) || pattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) != true)
            {
                continue;
            }

            var values = new RouteValueDictionary();
            if (!new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary()).TryMatch(http.Request.Path, values))
            {
                continue;
            }

            foreach (var parameter in pattern.Parameters)
            {
                foreach (var policy in parameter.ParameterPolicies.Where(p => p.Content is not null))
                {
                    var constraint = resolver.ResolveConstraint(policy.Content!);
                    if (constraint is not null && !constraint.Match(http, null, parameter.Name, values, RouteDirection.IncomingRequest))
                    {
                        return (parameter.Name, values[parameter.Name]?.ToString(), policy.Content!);
                    }
                }
            }
        }

        return null;
    }
}
