using System.Net;
using System.Text.Json;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

public sealed class HealthAndOpenApiTests
{
    [Test]
    public async Task Health_Ready_AndTheOpenApiDocumentListsTheFeatures()
    {
        using var host = ApiHost.Start(Backend.Sqlite);
        using var client = host.CreateClient();

        var health = await client.GetAsync("/health");
        var ready = await client.GetAsync("/ready");
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/api/rule-sets", "/api/rule-sets/validate", "/api/tenants/{tenant}/units/import", "/api/tenants/{tenant}/submissions/{year}/{unit}",
            "/api/tenants/{tenant}/runs", "/api/runs/{id}/publish", "/api/runs/{id}/export.xlsx",
        }));
    }

    [Test]
    public async Task UnknownResource_IsProblemDetailsInVietnamese()
    {
        using var host = ApiHost.Start(Backend.Sqlite);
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/tenants/khong-co/units");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), Does.Contain("Không có"));
    }
}
