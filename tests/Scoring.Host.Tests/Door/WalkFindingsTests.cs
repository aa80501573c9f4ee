using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Door;

/// <summary>
/// What the generated-request walk (<see cref="DoorWalkTests"/>) found, each kept as a plain test so it stays fixed
/// whatever the generators draw: a multipart form that ends before its closing boundary (was 500), a tenant movement
/// without a title or deadline (was 500), and an unknown OpenAPI document name (was an English text 404).
/// </summary>
public sealed class WalkFindingsTests
{
    private ScoringHostFactory host = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
        admin = host.ClientFor(Roles.Administrator);
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        admin.Dispose();
        host.Dispose();
    }

    [TestCase("/api/tenants/son-la/units/import")]
    [TestCase("/api/tenants/son-la/groups/2026/import")]
    [TestCase("/api/tenants/son-la/imports/dti/2026")]
    public async Task AFormThatEndsBeforeItsClosingBoundary_Is400InVietnamese_AndWritesNothing(string path)
    {
        var units = await host.WithDbAsync(db => db.Units.CountAsync());
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes("--ranh-gioi\r\nContent-Disposition: form-data; name=\"file\"; filename=\"units.csv\"\r\n\r\ncode,name"));
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=ranh-gioi");

        using var response = await admin.PostAsync(path, body);

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("multipart/form-data"));
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync()), Is.EqualTo(units));
    }

    [TestCase("""{"name":"Tỉnh Sơn La","movements":[{"code":"dmst","reportDeadline":"11-10"}]}""", "`movements[0]`): thiếu `title`")]
    [TestCase("""{"name":"Tỉnh Sơn La","movements":[{"code":"dmst","title":"Phong trào"}]}""", "thiếu `reportDeadline`")]
    [TestCase("""{"name":"Tỉnh Sơn La","movements":[null]}""", "cả phong trào là null")]
    [TestCase("""{"name":"Tỉnh Sơn La"}""", "trường `movements`")]
    [TestCase("""{"movements":[]}""", "trường `name`")]
    public async Task ATenantWithoutARequiredField_Is400NamingIt_AndWritesNothing(string json, string says)
    {
        using var response = await admin.PutAsync("/api/tenants/tinh-moi", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(says));
        Assert.That(await host.WithDbAsync(db => db.Tenants.CountAsync(t => t.Code == "tinh-moi")), Is.Zero);
    }

    [Test]
    public async Task AnUnknownOpenApiDocument_Is404InVietnamese_AndV1IsServed()
    {
        using var unknown = await admin.GetAsync("/openapi/v2.json");
        using var known = await admin.GetAsync("/openapi/v1.json");

        var problem = await Problem(unknown, HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Không tìm thấy"));
        Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
