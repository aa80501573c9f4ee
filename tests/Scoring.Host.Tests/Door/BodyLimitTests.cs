using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Limits;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Door;

/// <summary>
/// Issue 9, defect 2: every API endpoint has a request-body limit for its kind of body (docs/api.md, "Request body
/// limits"), and a body over it is answered 413 with a Vietnamese problem that names the endpoint and the limit, before
/// anything is read or written: whether the client declares the length or sends the body chunked.
/// </summary>
public sealed class BodyLimitTests
{
    private const string Submission = "/api/tenants/son-la/submissions/2025/xa-a";
    private ScoringHostFactory host = null!;
    private HttpClient admin = null!;
    private HttpClient unit = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(Backend.Sqlite, new Dictionary<string, string?> { ["Submissions:MaxEvidenceBytes"] = "2048" });
        await TestData.SeedAsync(host);
        admin = host.ClientFor(Roles.Administrator);
        unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        admin.Dispose();
        unit.Dispose();
        host.Dispose();
    }

    [Test]
    public void EveryApiEndpoint_HasTheLimitOfItsKindOfBody()
    {
        var limits = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? e.DisplayName!, e => e.Metadata.GetMetadata<BodyLimit>()?.Bytes);

        Assert.That(limits.Where(l => l.Value is null).Select(l => l.Key), Is.Empty, "API endpoints without a body limit");
        Assert.That(limits["PutSubmission"], Is.EqualTo(64 * 1024));
        Assert.That(limits["PatchSubmission"], Is.EqualTo(64 * 1024));
        Assert.That(limits["PutGroup"], Is.EqualTo(64 * 1024));
        Assert.That(limits["EnqueueRun"], Is.EqualTo(64 * 1024));
        Assert.That(limits["SubmitSubmission"], Is.EqualTo(4 * 1024));
        Assert.That(limits["GetSubmission"], Is.EqualTo(4 * 1024));
        Assert.That(limits["PublishRuleSet"], Is.EqualTo(2 * 1024 * 1024));
        Assert.That(limits["ValidateRuleSet"], Is.EqualTo(2 * 1024 * 1024));
        Assert.That(limits["ImportUnits"], Is.EqualTo((20 * 1024 * 1024) + (64 * 1024)));
        Assert.That(limits["ImportGroups"], Is.EqualTo((20 * 1024 * 1024) + (64 * 1024)));
        Assert.That(limits["ImportAuthoritative"], Is.EqualTo((20 * 1024 * 1024) + (64 * 1024)));
        Assert.That(limits["AttachEvidence"], Is.EqualTo(2048 + (64 * 1024)), "from Submissions:MaxEvidenceBytes");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AJsonBodyOverItsLimit_Is413NamingTheEndpointAndTheLimit_AndNothingIsStored(bool chunked)
    {
        // 700 000 unknown indicators was the defect's body; a few thousand are enough to pass 64 KB.
        var values = Enumerable.Range(0, 6000).ToDictionary(i => $"chiSo{i}", _ => "1");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { values });
        var before = await host.WithDbAsync(db => db.SubmissionRevisions.CountAsync());

        using var response = await unit.PutAsync(Submission, Body(bytes, "application/json", chunked));

        var problem = await Problem(response);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("PUT /api/tenants/son-la/submissions/2025/xa-a")
            .And.Contain("64 KB (65.536 byte)").And.Contain("nội dung JSON").And.Contain("Không có gì được lưu"));
        Assert.That(problem.GetProperty("limit").GetInt64(), Is.EqualTo(65536));
        Assert.That(problem.GetProperty("endpoint").GetString(), Is.EqualTo("PutSubmission"));
        if (!chunked)
        {
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"đã nhận {bytes.Length.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} byte"));
        }

        Assert.That(await host.WithDbAsync(db => db.SubmissionRevisions.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task AJsonBodyUnderItsLimit_ReachesTheHandler()
    {
        var values = Enumerable.Range(0, 1000).ToDictionary(i => $"chiSo{i}", _ => "1");

        using var response = await unit.PutAsync(Submission, Body(JsonSerializer.SerializeToUtf8Bytes(new { values }), "application/json", chunked: true));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "the 300-value check answers, not the size limit");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("vượt giới hạn 300 giá trị"));
    }

    [Test]
    public async Task ABodyToAnEndpointThatTakesNone_Is413()
    {
        using var response = await unit.PostAsync(Submission + "/submit", new ByteArrayContent(new byte[5000]));

        var problem = await Problem(response);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("POST /api/tenants/son-la/submissions/2025/xa-a/submit").And.Contain("4 KB"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ARuleSetOver2MB_Is413NamingTheSharedLimit(bool chunked)
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var bytes = Encoding.UTF8.GetBytes(new string(' ', (2 * 1024 * 1024) + 1));

        using var response = await maintainer.PostAsync("/api/rule-sets", Body(bytes, "application/json", chunked));

        var problem = await Problem(response);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("POST /api/rule-sets").And.Contain("2 MB (2.097.152 byte)").And.Contain("`validate`"));
        Assert.That(problem.GetProperty("endpoint").GetString(), Is.EqualTo("PublishRuleSet"));
    }

    [Test]
    public async Task ATableImportOverItsLimit_Is413NamingTheEndpoint_AndWritesNothing()
    {
        var before = await host.WithDbAsync(db => db.Units.CountAsync());
        var csv = new byte[(20 * 1024 * 1024) + (64 * 1024) + 1];

        using var response = await admin.PostAsync("/api/tenants/son-la/units/import?fileName=units.csv", new ByteArrayContent(csv));

        var problem = await Problem(response);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("POST /api/tenants/son-la/units/import").And.Contain("tệp CSV/.xlsx tối đa 20 MB"));
        Assert.That(problem.GetProperty("endpoint").GetString(), Is.EqualTo("ImportUnits"));
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task AnEvidenceUploadOverItsLimit_Is413NamingTheConfiguredSize_AndStoresNothing()
    {
        const string other = "/api/tenants/son-la/submissions/2025/xa-b";
        using var xaB = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-b");
        await TestData.Ensure(await xaB.PutAsJsonAsync(other, new SubmissionValues(new() { ["staffTrained"] = "12" })));
        var pdf = new byte[(64 * 1024) + 4096];
        "%PDF"u8.CopyTo(pdf);

        using var response = await xaB.PostAsync(other + "/evidence", TestData.Upload(pdf, "lon.pdf", "application/pdf"));

        var problem = await Problem(response);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("/evidence").And.Contain("tệp minh chứng tối đa 2 KB"));
        Assert.That(await host.WithDbAsync(db => db.EvidenceFiles.CountAsync()), Is.Zero);
    }

    private static HttpContent Body(byte[] bytes, string contentType, bool chunked)
    {
        if (chunked)
        {
            return new UnknownLengthContent(bytes, contentType).Typed();
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Nội dung quá lớn"));
        return problem;
    }
}
