using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Scoring.Host.Extensions;

/// <summary>
/// Response documentation for the OpenAPI document: ProblemDetails errors, downloaded files, and the 401/403 answers of
/// every endpoint that requires authorization (derived from its authorization metadata, so the document cannot drift).
/// </summary>
internal static class EndpointDocumentation
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>ProblemDetails (<c>application/problem+json</c>) answers with these status codes.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.ProducesProblem(status, ProblemJson);
        }

        return builder;
    }

    /// <summary>A 200 answer whose body is a file (binary) of one of these content types.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.Produces(StatusCodes.Status200OK, typeof(Stream), contentTypes[0], contentTypes[1..]);

    /// <summary>
    /// Adds 401 (no or invalid token) and 403 (role not allowed) ProblemDetails answers to every endpoint of
    /// <paramref name="builder"/> that requires authorization and does not allow anonymous callers. Runs last, after the
    /// endpoint's and its groups' own conventions.
    /// </summary>
    public static TBuilder WithAuthorizationProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (!RequiresAuthorization(endpoint.Metadata))
            {
                return;
            }

            foreach (var status in new[] { StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden })
            {
                if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
                {
                    endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemJson]));
                }
            }
        });
        return builder;
    }

    public static bool RequiresAuthorization(IEnumerable<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
}
