using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Scoring.Host.Errors;

/// <summary>
/// Fills in Vietnamese title and detail for the problems the framework writes without a detail (status code pages after
/// 401, 403, 404, 405, 415 and friends). Problems written by handlers always carry a detail and are left unchanged.
/// A 404 under /api tells an unknown address from a known one whose route parameter has the wrong form (e.g. a year "abc"),
/// and becomes the 405 or 415 it really is when the address exists (see <see cref="NotFound"/>).
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
        var request = http.Request;
        var path = (request.PathBase + request.Path).ToString();
        if (problem.Status == StatusCodes.Status404NotFound)
        {
            (problem.Title, problem.Detail) = NotFound(http, path);
            problem.Status = http.Response.StatusCode;
            problem.Type = problem.Status switch
            {
                StatusCodes.Status405MethodNotAllowed => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
                StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
                _ => problem.Type,
            };

            return;
        }

        var status = problem.Status ?? http.Response.StatusCode;
        (problem.Title, problem.Detail) = status switch
        {
            StatusCodes.Status400BadRequest => (ProblemTexts.BadRequestTitle, ProblemTexts.BadRequest),
            StatusCodes.Status401Unauthorized => (ProblemTexts.UnauthorizedTitle, ProblemTexts.Unauthorized),
            StatusCodes.Status403Forbidden => (ProblemTexts.ForbiddenTitle, ProblemTexts.Forbidden),
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
        if (!http.Request.Path.StartsWithSegments("/api") || http.GetEndpoint() is not null)
        {
            return (ProblemTexts.NotFoundTitle, ProblemTexts.NotFound);
        }

        var (allowed, accepts, mismatch) = Explain(http);
        if (allowed.Contains(http.Request.Method))
        {
            // The address and method exist, so the content type was refused (415, answered as 404 for the same reason).
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return (ProblemTexts.UnsupportedMediaTitle,
                ProblemTexts.UnsupportedMedia(http.Request.ContentType, accepts.Any(a => a.StartsWith("multipart/", StringComparison.Ordinal))));
        }

        if (allowed.Count > 0)
        {
            // The address exists with other methods. Routing answers 404 rather than 405 here because the public pages'
            // catch-all route accepts every method; say what it is.
            var methods = string.Join(", ", allowed);
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = methods;
            return (ProblemTexts.MethodNotAllowedTitle, ProblemTexts.MethodNotAllowed(http.Request.Method, path, methods));
        }

        return mismatch is { } m
            ? (ProblemTexts.RouteMismatchTitle, ProblemTexts.RouteMismatch(m.Name, m.Value, m.Constraint))
            : (ProblemTexts.NotFoundTitle, ProblemTexts.UnknownRoute(http.Request.Method, path));
    }

    /// <summary>
    /// Matches the path against every API route: the methods of the routes it fully matches (the address exists), and
    /// otherwise the first route it matches only when constraints are ignored, with the parameter whose constraint fails
    /// (a real address with a badly formed value, e.g. a year "abc").
    /// </summary>
    private static (SortedSet<string> Allowed, List<string> Accepts, (string Name, string? Value, string Constraint)? Mismatch) Explain(HttpContext http)
    {
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        var accepts = new List<string>();
        (string Name, string? Value, string Constraint)? mismatch = null;
        var sources = http.RequestServices.GetService<EndpointDataSource>();
        var resolver = http.RequestServices.GetService<IInlineConstraintResolver>();
        if (sources is null || resolver is null)
        {
            return (allowed, accepts, null);
        }

        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (pattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) != true)
            {
                continue;
            }

            var values = new RouteValueDictionary();
            if (!new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary()).TryMatch(http.Request.Path, values))
            {
                continue;
            }

            var failed = pattern.Parameters
                .SelectMany(p => p.ParameterPolicies.Where(x => x.Content is not null).Select(x => (Parameter: p.Name, Constraint: x.Content!)))
                .FirstOrDefault(c => resolver.ResolveConstraint(c.Constraint) is { } constraint
                    && !constraint.Match(http, null, c.Parameter, values, RouteDirection.IncomingRequest));
            if (failed.Parameter is null)
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
                allowed.UnionWith(methods);
                if (methods.Contains(http.Request.Method))
                {
                    accepts.AddRange(endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes ?? []);
                }
            }
            else
            {
                mismatch ??= (failed.Parameter, values[failed.Parameter]?.ToString(), failed.Constraint);
            }
        }

        return (allowed, accepts, mismatch);
    }
}
