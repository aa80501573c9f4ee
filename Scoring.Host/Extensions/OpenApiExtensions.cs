using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Scoring.Host.Extensions;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: title and overview for integrators, the bearer (JWT) scheme, and a
/// security requirement on every operation that requires authorization. Responses come from each endpoint's metadata.
/// </summary>
internal static class OpenApiExtensions
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddScoringOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // Downloads are documented as Stream (the framework shares that binary schema with IFormFile): one component
            // named BinaryFile; the stored rule-set document (JsonObject) is inlined. .NET type names would tell an
            // integrator nothing.
            options.CreateSchemaReferenceId = type =>
                type.Type == typeof(Stream) || type.Type == typeof(IFormFile) ? "BinaryFile"
                : type.Type == typeof(JsonObject) ? null
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Scoring API",
                    Version = "v1",
                    Description = "Rule-set scoring for the emulation movements (phong trào thi đua) on innovation and digital transformation, "
                        + "2025–2030: units, groups, submissions, authoritative imports, rule sets, scoring runs and published results. "
                        + "Errors are RFC 9457 ProblemDetails (application/problem+json) whose `detail` is Vietnamese. "
                        + "Instants are ISO-8601 UTC; local dates are yyyy-MM-dd.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A JWT with the claims sub, role, tenant, unit (role unit) and groups (role secretariat).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (EndpointDocumentation.RequiresAuthorization(context.Description.ActionDescriptor.EndpointMetadata))
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                }

                return Task.CompletedTask;
            });
        });
}
