using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

/// <summary>
/// Errors the framework produces (bad JSON, wrong route values, unknown /api addresses, 405, 415, unhandled exceptions)
/// answer with Vietnamese ProblemDetails that say what is wrong and how to fix it, with a traceId and no stack trace;
/// the handlers' own Vietnamese problems are unchanged.
/// </summary>
public sealed class ProblemDetailsTests
{
    private ScoringHostFactory host = null!;
    private HttpClient maintainer = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory(services: s => s.AddSingleton<IStartupFilter, ThrowingEndpointFilter>());
        await TestData.SeedAsync(host);
        maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        maintainer.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task MalformedJsonBody_Is400_WithLineAndPosition()
    {
        const string body = "{\n  \"year\": 2025,\n  \"ruleSet\": \"son-la.dmst-cds.ubnd-xa-phuong\"\n  \"groups\": []\n}";

        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/tenants/son-la/runs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Nội dung JSON không hợp lệ"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("dòng 4").And.Contain("dấu phẩy"));
        Assert.That(problem.GetProperty("line").GetInt32(), Is.EqualTo(4));
        Assert.That(problem.GetProperty("position").GetInt32(), Is.EqualTo(3), "the '\"' of \"groups\" where a comma was expected");
    }

    [Test]
    public async Task JsonValueOfTheWrongType_Is400_NamingTheField()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/tenants/son-la/runs",
            new StringContent("{\"year\": \"năm nay\", \"ruleSet\": \"x\"}", Encoding.UTF8, "application/json"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Giá trị JSON sai kiểu"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("$.year").And.Contain("dòng 1"));
        Assert.That(problem.GetProperty("path").GetString(), Is.EqualTo("$.year"));
    }

    [Test]
    public async Task InvalidUtf8InAJsonBody_Is400_SayingItIsNotUtf8()
    {
        // "Xã" as Windows-1258 would write it: 0xE3 is not UTF-8.
        var bytes = Encoding.UTF8.GetBytes("{\"year\": 2025, \"ruleSet\": \"X?\"}");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE3;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/tenants/son-la/runs", content);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Nội dung không phải UTF-8"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("UTF-8").And.Contain("$.ruleSet"));
    }

    [Test]
    public async Task JsonNestedTooDeep_Is400_SayingSoNotASyntaxError()
    {
        var body = "{\"year\": 2025, \"ruleSet\": \"x\", \"groups\": " + new string('[', 200) + new string(']', 200) + "}";

        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/tenants/son-la/runs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("JSON lồng nhau quá sâu"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("64 cấp").And.Contain("không phải lỗi cú pháp"));
    }

    [Test]
    public async Task RuleSetAboveTheSharedLimit_Is413_NamingTheLimit()
    {
        var body = new StringContent(new string(' ', global::Scoring.Rules.Loading.RuleSetLoader.MaxBytes + 1), Encoding.UTF8, "application/json");

        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/rule-sets/validate", body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("2 MB").And.Contain("validate"));
    }

    [Test]
    public async Task RuleSetNotInUtf8_GetsTheDiagnosticTheCommandLineGives()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"title\": \"X?\"\n}");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE3;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await maintainer.PostAsync("/api/rule-sets/validate", content);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var d = report.GetProperty("diagnostics").EnumerateArray().Single();
        Assert.That(d.GetProperty("code").GetString(), Is.EqualTo("RS0006"));
        Assert.That(d.GetProperty("line").GetInt32(), Is.EqualTo(2));
        Assert.That(d.GetProperty("column").GetInt32(), Is.EqualTo(14), "the byte after `X`");
    }

    [Test]
    public async Task EmptyBody_Is400_AskingForJson()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/tenants/son-la/runs", new StringContent(string.Empty, Encoding.UTF8, "application/json"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Thiếu nội dung yêu cầu"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Content-Type: application/json"));
    }

    [Test]
    public async Task QueryValueThatCannotBeRead_Is400_NamingTheParameterAndValue()
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, $"/api/rule-sets/{TestData.RuleSetId}/diff?from=1.0.0&to=1.0.0&year=hai-nghin");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Tham số không hợp lệ"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("«hai-nghin»").And.Contain("'year'"));
        Assert.That(problem.GetProperty("parameter").GetString(), Is.EqualTo("year"));
    }

    [Test]
    public async Task RequiredQueryValueMissing_Is400_NamingTheParameter()
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, $"/api/rule-sets/{TestData.RuleSetId}/diff?to=1.0.0");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Tham số không hợp lệ"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("Thiếu tham số 'from' (trong chuỗi truy vấn"));
    }

    [Test]
    public async Task RouteValueOfTheWrongForm_Is404_NamingTheParameter()
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, "/api/runs/mot");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Tham số đường dẫn không hợp lệ"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'id'").And.Contain("số nguyên").And.Contain("«mot»"));

        var (_, year) = await SendAsync(HttpMethod.Get, "/api/tenants/son-la/groups/2025a");
        Assert.That(year.GetProperty("detail").GetString(), Does.Contain("'year'").And.Contain("«2025a»"));
    }

    [Test]
    public async Task UnknownAddressUnderApi_Is404_PointingToTheApiList()
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, "/api/khong-co-gi");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Không tìm thấy"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("GET /api/khong-co-gi").And.Contain("/openapi/v1.json"));
    }

    [Test]
    public async Task WrongMethod_Is405_ListingTheAllowedOnes()
    {
        var (status, problem) = await SendAsync(HttpMethod.Delete, "/api/tenants/son-la/runs");

        Assert.That(status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Phương thức không được hỗ trợ"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("DELETE").And.Contain("GET").And.Contain("POST"));
    }

    [Test]
    public async Task WrongContentType_Is415_SayingWhatToSend()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/tenants/son-la/runs", new StringContent("year=2025", Encoding.UTF8, "text/plain"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Kiểu nội dung không được hỗ trợ"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("text/plain").And.Contain("application/json"));
    }

    [Test]
    public async Task UnhandledException_Is500_WithoutInternals()
    {
        var response = await maintainer.GetAsync(ThrowingEndpointFilter.Path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Lỗi máy chủ"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("traceId"));
        Assert.That(problem.GetProperty("traceId").GetString(), Is.Not.Empty);
        Assert.That(text, Does.Not.Contain("hunter2").And.Not.Contain("SecretRepository").And.Not.Contain("InvalidOperationException"));
    }

    [Test]
    public async Task MissingToken_Is401_InVietnamese()
    {
        using var anonymous = host.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/tenants/son-la/runs", new { year = 2025 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Chưa đăng nhập"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Authorization: Bearer"));
    }

    [Test]
    public async Task HandlersOwnProblems_AreUnchanged()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/tenants/son-la/runs",
            new StringContent("{\"year\": 2025, \"ruleSet\": \"khong-co\"}", Encoding.UTF8, "application/json"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Không tìm thấy"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Không có bộ tiêu chí 'khong-co' áp dụng cho năm 2025 đã công bố."));
    }

    /// <summary>Sends the request; every answer must be problem+json with a traceId and no stack trace.</summary>
    private async Task<(HttpStatusCode Status, JsonElement Problem)> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var response = await maintainer.SendAsync(new HttpRequestMessage(method, path) { Content = content });
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        Assert.That(text, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace or exception names");
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.That(problem.GetProperty("traceId").GetString(), Is.Not.Empty);
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)response.StatusCode));
        return (response.StatusCode, problem);
    }
}
