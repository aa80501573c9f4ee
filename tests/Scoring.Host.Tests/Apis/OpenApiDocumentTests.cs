using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

/// <summary>
/// The OpenAPI document describes every operation's real answers: a 2xx body schema, ProblemDetails errors, 401/403 on
/// every endpoint that requires authorization (checked against the endpoints' own metadata), and schemas that match
/// what the endpoints really send.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private ScoringHostFactory host = null!;
    private JsonElement document;

    [OneTimeSetUp]
    public async Task LoadDocument()
    {
        host = ApiHost.Start(Backend.Sqlite);
        using var client = host.CreateClient();
        document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        await TestData.SeedAsync(host);
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public void EveryOperation_HasASuccessResponse_AndASummary()
    {
        var operations = Operations().ToList();

        Assert.That(operations, Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(operations.Where(o => !Responses(o.Operation).Any(r => r.Name.StartsWith('2'))).Select(o => o.Name), Is.Empty,
            "operations without a 2xx response");
        Assert.That(operations.Where(o => !o.Operation.TryGetProperty("summary", out var s) || s.GetString()!.Length < 10).Select(o => o.Name), Is.Empty,
            "operations without a summary");
    }

    [Test]
    public void EveryJsonSuccessResponse_HasANonEmptySchema()
    {
        var empty = new List<string>();
        var json = 0;
        foreach (var (name, operation) in Operations())
        {
            foreach (var response in Responses(operation).Where(r => r.Name.StartsWith('2') && r.Name != "204"))
            {
                Assert.That(response.Value.TryGetProperty("content", out var content), Is.True, $"{name} {response.Name} has no content");
                foreach (var media in content.EnumerateObject())
                {
                    json += media.Name == "application/json" ? 1 : 0;
                    if (!media.Value.TryGetProperty("schema", out var schema) || !IsDescribed(schema))
                    {
                        empty.Add($"{name} {response.Name} {media.Name}");
                    }
                }
            }
        }

        Assert.That(empty, Is.Empty);
        Assert.That(json, Is.GreaterThan(35));
    }

    [Test]
    public void ErrorResponses_AreProblemDetails()
    {
        var errors = Operations().SelectMany(o => Responses(o.Operation).Where(r => r.Name[0] is '4' or '5').Select(r => (o.Name, r.Name, r.Value))).ToList();

        Assert.That(errors, Has.Count.GreaterThan(80));
        foreach (var (operation, status, response) in errors)
        {
            var media = response.GetProperty("content").EnumerateObject().Single();
            Assert.That(media.Name, Is.EqualTo("application/problem+json"), $"{operation} {status}");
            Assert.That(media.Value.GetProperty("schema").GetProperty("$ref").GetString(), Is.EqualTo("#/components/schemas/ProblemDetails"), $"{operation} {status}");
        }

        Assert.That(Schema("ProblemDetails").GetProperty("properties").EnumerateObject().Select(p => p.Name),
            Is.SupersetOf(new[] { "type", "title", "status", "detail" }));
    }

    [Test]
    public void EveryEndpointThatRequiresAuthorization_Lists401And403AndTheBearerScheme()
    {
        var endpoints = host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null).ToList();
        var protectedNames = endpoints
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).ToList();
        var byId = Operations().ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!, o => o.Operation);

        Assert.That(protectedNames, Has.Count.GreaterThanOrEqualTo(25).And.Member("PublishRun").And.Member("PutSubmission"));
        foreach (var name in protectedNames)
        {
            Assert.That(byId.TryGetValue(name, out var operation), Is.True, $"{name} is not in the document");
            Assert.That(Responses(operation).Select(r => r.Name), Is.SupersetOf(new[] { "401", "403" }), name);
            Assert.That(operation.GetProperty("security")[0].TryGetProperty("Bearer", out _), Is.True, name);
        }

        Assert.That(Responses(byId["ListTenants"]).Select(r => r.Name), Has.No.Member("401"), "anonymous endpoints do not answer 401");
        Assert.That(byId["ListTenants"].TryGetProperty("security", out _), Is.False);
        Assert.That(document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
    }

    [Test]
    public async Task Documented401And403_AreReallyProblemDetails()
    {
        using var anonymous = host.CreateClient();
        using var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");

        var unauthorized = await anonymous.PostAsync("/api/runs/1/publish", null);
        var forbidden = await unit.PostAsync("/api/runs/1/publish", null);

        Assert.That(unauthorized.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unauthorized.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(forbidden.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonDocument.Parse(await forbidden.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32(), Is.EqualTo(403));
    }

    [Test]
    public void Schemas_HaveTheRealShapes()
    {
        Assert.That(Properties(Schema("RunDto")), Is.SupersetOf(new[] { "id", "status", "progress", "total", "resultSha256", "inputsSha256", "ruleSetSha256" }));
        Assert.That(Properties(Schema("AwardEntryDto")), Is.EquivalentTo(new[] { "award", "awardTitle", "unit", "name", "group", "rank", "total", "tieAtCut", "reason", "authority", "authorityTitle", "authorityTenant",
            "id", "status", "appraisal", "decision", "revocation" }));
        Assert.That(Properties(Schema("ProposalDto")), Is.SupersetOf(new[] { "id", "status", "finalAward", "appraisals", "decision", "revocation", "tieAtCut" }));
        Assert.That(Properties(Schema("CouncilDecisionDto")), Is.EquivalentTo(new[] { "approved", "votesFor", "votesAgainst", "number", "date" }));
        Assert.That(Properties(Schema("MovementScoreSheetDto")), Is.SupersetOf(new[] { "run", "ruleSetSha256", "inputsSha256", "resultSha256", "units" }));
        Assert.That(Properties(Schema("AwardImpactDto")), Is.SupersetOf(new[] { "unit", "group", "awardFrom", "awardTo", "tieAtCutFrom", "tieAtCutTo" }));
        Assert.That(Properties(Schema("RuleSetDiffDto")), Is.EquivalentTo(new[] { "from", "to", "fromSha256", "toSha256", "criteria", "changes", "rankImpact", "awardImpact" }));
        Assert.That(Properties(Schema("PublishedRunDto")), Is.EquivalentTo(new[] { "id", "publishedAt" }));
        Assert.That(Properties(Schema("UnitScore")), Is.SupersetOf(new[] { "code", "rank", "tied", "total", "grade", "sections", "award" }));

        var awards = Success(Operation("/api/runs/{id}/awards", "get"), "200").GetProperty("application/json").GetProperty("schema");
        Assert.That(awards.GetProperty("type").GetString(), Is.EqualTo("array"));
        Assert.That(awards.GetProperty("items").GetProperty("$ref").GetString(), Is.EqualTo("#/components/schemas/AwardEntryDto"));
        Assert.That(Success(Operation("/api/tenants/{tenant}/runs", "post"), "201").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(),
            Is.EqualTo("#/components/schemas/RunDto"));
        Assert.That(Success(Operation("/api/rule-sets/{id}/{version}", "get"), "200").GetProperty("application/json").GetProperty("schema").GetProperty("type").GetString(),
            Is.EqualTo("object"), "the stored rule-set document, inline");
        Assert.That(document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name), Has.None.EqualTo("Stream").And.None.EqualTo("IFormFile").And.None.EqualTo("JsonObject").And.Member("BinaryFile"));
        Assert.That(Success(Operation("/api/rule-sets/{id}/diff", "get"), "200").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(),
            Is.EqualTo("#/components/schemas/RuleSetDiffDto"));
    }

    [Test]
    public void Downloads_AreDocumentedAsBinaryFiles()
    {
        var xlsx = Success(Operation("/api/runs/{id}/export.xlsx", "get"), "200");
        var evidence = Success(Operation("/api/tenants/{tenant}/submissions/{year}/{unit}/evidence/{id}", "get"), "200");

        Assert.That(xlsx.EnumerateObject().Select(m => m.Name), Is.EqualTo(new[] { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
        Assert.That(evidence.EnumerateObject().Select(m => m.Name), Is.EquivalentTo(new[]
        {
            "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/jpeg", "image/png",
        }));
        foreach (var media in xlsx.EnumerateObject().Concat(evidence.EnumerateObject()))
        {
            var schema = Resolve(media.Value.GetProperty("schema"));
            Assert.That((schema.GetProperty("type").GetString(), schema.GetProperty("format").GetString()), Is.EqualTo(("string", "binary")), media.Name);
        }
    }

    [Test]
    public void OperationsList_TheErrorsTheirHandlersReturn()
    {
        Assert.That(ResponseCodes("/api/tenants/{tenant}/submissions/{year}/{unit}", "put"),
            Is.SupersetOf(new[] { "200", "201", "400", "401", "403", "404", "409", "412", "415", "422", "428" }));
        Assert.That(ResponseCodes("/api/tenants/{tenant}/submissions/{year}/{unit}/evidence", "post"), Is.SupersetOf(new[] { "201", "413", "415" }));
        Assert.That(ResponseCodes("/api/rule-sets", "post"), Is.SupersetOf(new[] { "200", "201", "409", "422" }));
        Assert.That(ResponseCodes("/api/runs/{id}/publish", "post"), Is.SupersetOf(new[] { "200", "404", "409" }));
        Assert.That(ResponseCodes("/api/runs/{id}/awards", "get"), Is.EquivalentTo(new[] { "200", "403", "404" }));
        Assert.That(ResponseCodes("/api/tenants/{tenant}/units/{code}", "delete"), Is.SupersetOf(new[] { "204", "404", "409" }));
    }

    [Test]
    public async Task RealResponses_UseOnlyDocumentedProperties()
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var admin = host.ClientFor(Roles.Administrator);
        var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/son-la/submissions/2025/xa-a")
        {
            Content = JsonContent.Create(new SubmissionValues(new() { ["staffTrained"] = "30" })),
        };
        put.Headers.TryAddWithoutValidation("If-Match", "*");
        await TestData.Ensure(await unit.SendAsync(put));
        await TestData.Ensure(await unit.PostAsync("/api/tenants/son-la/submissions/2025/xa-a/submit", null));
        unit.Dispose();

        var enqueued = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));
        await TestData.Ensure(enqueued);
        var run = await TestData.WaitForRunAsync(maintainer, (await enqueued.Content.ReadFromJsonAsync<RunDto>())!.Id);
        var runJson = await maintainer.GetFromJsonAsync<JsonElement>($"/api/runs/{run.Id}");
        var awards = await maintainer.GetFromJsonAsync<JsonElement>($"/api/runs/{run.Id}/awards");
        var published = await (await admin.PostAsync($"/api/runs/{run.Id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        var board = await maintainer.GetFromJsonAsync<JsonElement>("/api/tenants/son-la/results/2025/groups/cum-1");

        Assert.That(Names(runJson), Is.SubsetOf(Properties(Schema("RunDto"))).And.Member("resultSha256"));
        Assert.That(awards.GetArrayLength(), Is.Positive, "the sum calculator proposes an award per group");
        Assert.That(awards.EnumerateArray().SelectMany(Names).Distinct(), Is.SubsetOf(Properties(Schema("AwardEntryDto"))).And.Member("tieAtCut"));
        Assert.That(Names(published), Is.EquivalentTo(Properties(Schema("PublishedRunDto"))));
        Assert.That(board.EnumerateArray().SelectMany(Names).Distinct(), Is.SubsetOf(Properties(Schema("LeaderboardEntry"))).And.Member("rank"));
    }

    [Test]
    public async Task Documented413_OnImports_IsAProblemNotAServerError()
    {
        using var admin = host.ClientFor(Roles.Administrator);
        var tooLarge = new ByteArrayContent(new byte[(20 * 1024 * 1024) + 1]);

        var response = await admin.PostAsync("/api/tenants/son-la/units/import?fileName=units.csv", tooLarge);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), Does.Contain("vượt giới hạn"));
        Assert.That(ResponseCodes("/api/tenants/{tenant}/units/import", "post"), Has.Member("413"));
    }

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    /// <summary>A schema that says something: a type (after following a reference), not the empty schema {}.</summary>
    private bool IsDescribed(JsonElement schema)
    {
        var resolved = Resolve(schema);
        return resolved.TryGetProperty("type", out _) || resolved.TryGetProperty("oneOf", out _) || resolved.TryGetProperty("anyOf", out _);
    }

    private static IEnumerable<JsonProperty> Responses(JsonElement operation) => operation.GetProperty("responses").EnumerateObject();

    private IEnumerable<(string Name, JsonElement Operation)> Operations() =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => Methods.Contains(m.Name)).Select(m => ($"{m.Name.ToUpperInvariant()} {path.Name}", m.Value)));

    private JsonElement Operation(string path, string method) => document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private List<string> ResponseCodes(string path, string method) => Responses(Operation(path, method)).Select(r => r.Name).ToList();

    private static JsonElement Success(JsonElement operation, string status) => operation.GetProperty("responses").GetProperty(status).GetProperty("content");

    private JsonElement Schema(string name) => document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? Schema(reference.GetString()!.Split('/')[^1]) : schema;

    private static List<string> Properties(JsonElement schema) => [.. schema.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
}
