using System.Net;
using System.Net.Http.Json;
using System.Text;
using Scoring.Host.Apis.Contracts;
using Scoring.Host.Auth;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Auth;

/// <summary>
/// Every role × resource × action. Tenant son-la: cum-1 = {xa-a, xa-b}, cum-2 = {xa-c, xa-d}; xa-a has a submitted file;
/// run 1 is completed but not published. Roles: administrator, rule maintainer, secretariat of cum-1 or of cum-2,
/// unit xa-a or xa-c, anonymous (public). Each row is one request and the status it must get.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private ScoringHostFactory host = null!;
    private long runId;

    public static IEnumerable<TestCaseData> Matrix()
    {
        const string sub = "/api/tenants/son-la/submissions/2025/xa-a";
        var rows = new (string Role, string Method, string Path, HttpStatusCode Expected)[]
        {
            // Tenants and units: administrator only; reading is public.
            ("admin", "PUT", "/api/tenants/son-la", HttpStatusCode.OK),
            ("maintainer", "PUT", "/api/tenants/son-la", HttpStatusCode.Forbidden),
            ("sec1", "PUT", "/api/tenants/son-la", HttpStatusCode.Forbidden),
            ("unitA", "PUT", "/api/tenants/son-la", HttpStatusCode.Forbidden),
            ("public", "PUT", "/api/tenants/son-la", HttpStatusCode.Unauthorized),
            ("public", "GET", "/api/tenants/son-la/units", HttpStatusCode.OK),
            ("admin", "POST", "/api/tenants/son-la/units", HttpStatusCode.Created),
            ("maintainer", "POST", "/api/tenants/son-la/units", HttpStatusCode.Forbidden),
            ("sec1", "POST", "/api/tenants/son-la/units", HttpStatusCode.Forbidden),
            ("unitA", "POST", "/api/tenants/son-la/units", HttpStatusCode.Forbidden),
            ("public", "POST", "/api/tenants/son-la/units", HttpStatusCode.Unauthorized),
            ("unitA", "DELETE", "/api/tenants/son-la/units/xa-b", HttpStatusCode.Forbidden),
            ("sec1", "PUT", "/api/tenants/son-la/groups/2025/cum-1", HttpStatusCode.Forbidden),
            // Rule sets: maintainers and administrators validate and publish; anyone reads.
            ("maintainer", "POST", "/api/rule-sets/validate", HttpStatusCode.OK),
            ("admin", "POST", "/api/rule-sets/validate", HttpStatusCode.OK),
            ("sec1", "POST", "/api/rule-sets/validate", HttpStatusCode.Forbidden),
            ("unitA", "POST", "/api/rule-sets/validate", HttpStatusCode.Forbidden),
            ("public", "POST", "/api/rule-sets/validate", HttpStatusCode.Unauthorized),
            ("sec1", "POST", "/api/rule-sets", HttpStatusCode.Forbidden),
            ("unitA", "POST", "/api/rule-sets", HttpStatusCode.Forbidden),
            ("otherMaintainer", "POST", "/api/rule-sets", HttpStatusCode.Forbidden),
            ("public", "GET", "/api/rule-sets", HttpStatusCode.OK),
            // A unit's submission: itself, the secretariat of its group, maintainers and administrators read it.
            ("admin", "GET", sub, HttpStatusCode.OK),
            ("maintainer", "GET", sub, HttpStatusCode.OK),
            ("sec1", "GET", sub, HttpStatusCode.OK),
            ("sec2", "GET", sub, HttpStatusCode.Forbidden),
            ("unitA", "GET", sub, HttpStatusCode.OK),
            ("unitC", "GET", sub, HttpStatusCode.Forbidden),
            ("public", "GET", sub, HttpStatusCode.Unauthorized),
            ("otherMaintainer", "GET", sub, HttpStatusCode.Forbidden),
            // Only the unit (or an administrator) writes it.
            ("unitC", "PUT", sub, HttpStatusCode.Forbidden),
            ("sec1", "PUT", sub, HttpStatusCode.Forbidden),
            ("maintainer", "PUT", sub, HttpStatusCode.Forbidden),
            ("public", "PUT", sub, HttpStatusCode.Unauthorized),
            ("unitC", "POST", sub + "/evidence", HttpStatusCode.Forbidden),
            ("unitC", "POST", sub + "/submit", HttpStatusCode.Forbidden),
            // Only the secretariat of its group (or an administrator) reviews, returns, locks.
            ("sec2", "POST", sub + "/review", HttpStatusCode.Forbidden),
            ("unitA", "POST", sub + "/review", HttpStatusCode.Forbidden),
            ("maintainer", "POST", sub + "/review", HttpStatusCode.Forbidden),
            ("sec2", "POST", sub + "/return", HttpStatusCode.Forbidden),
            ("unitA", "POST", sub + "/lock", HttpStatusCode.Forbidden),
            ("sec1", "POST", sub + "/review", HttpStatusCode.OK),
            // Authoritative imports: maintainers and administrators; their list: staff.
            ("unitA", "POST", "/api/tenants/son-la/imports/dti/2025", HttpStatusCode.Forbidden),
            ("sec1", "POST", "/api/tenants/son-la/imports/dti/2025", HttpStatusCode.Forbidden),
            ("public", "POST", "/api/tenants/son-la/imports/dti/2025", HttpStatusCode.Unauthorized),
            ("unitA", "GET", "/api/tenants/son-la/imports", HttpStatusCode.Forbidden),
            ("sec1", "GET", "/api/tenants/son-la/imports", HttpStatusCode.OK),
            // Runs: maintainers enqueue; administrators publish.
            ("unitA", "POST", "/api/tenants/son-la/runs", HttpStatusCode.Forbidden),
            ("sec1", "POST", "/api/tenants/son-la/runs", HttpStatusCode.Forbidden),
            ("public", "POST", "/api/tenants/son-la/runs", HttpStatusCode.Unauthorized),
            ("otherMaintainer", "POST", "/api/tenants/son-la/runs", HttpStatusCode.Forbidden),
            ("maintainer", "POST", "/api/runs/{run}/publish", HttpStatusCode.Forbidden),
            ("sec1", "POST", "/api/runs/{run}/publish", HttpStatusCode.Forbidden),
            ("unitA", "POST", "/api/runs/{run}/publish", HttpStatusCode.Forbidden),
            ("public", "POST", "/api/runs/{run}/publish", HttpStatusCode.Unauthorized),
            // Unpublished results: a unit sees only its own card; a secretariat only its groups.
            ("unitA", "GET", "/api/runs/{run}/units/xa-a", HttpStatusCode.OK),
            ("unitA", "GET", "/api/runs/{run}/units/xa-b", HttpStatusCode.Forbidden),
            ("sec1", "GET", "/api/runs/{run}/units/xa-b", HttpStatusCode.OK),
            ("sec1", "GET", "/api/runs/{run}/units/xa-c", HttpStatusCode.Forbidden),
            ("public", "GET", "/api/runs/{run}/units/xa-a", HttpStatusCode.Forbidden),
            ("maintainer", "GET", "/api/runs/{run}/units/xa-c", HttpStatusCode.OK),
            ("sec1", "GET", "/api/runs/{run}/groups/cum-1", HttpStatusCode.OK),
            ("sec1", "GET", "/api/runs/{run}/groups/cum-2", HttpStatusCode.Forbidden),
            ("unitA", "GET", "/api/runs/{run}/groups/cum-1", HttpStatusCode.Forbidden),
            ("public", "GET", "/api/runs/{run}/groups/cum-1", HttpStatusCode.Forbidden),
            ("unitA", "GET", "/api/runs/{run}/awards", HttpStatusCode.Forbidden),
            ("maintainer", "GET", "/api/runs/{run}/awards", HttpStatusCode.OK),
            ("public", "GET", "/api/tenants/son-la/results/2025/units/xa-a", HttpStatusCode.NotFound),
        };
        return rows.Select(r => new TestCaseData(r.Role, r.Method, r.Path).Returns(r.Expected).SetName($"{r.Role} {r.Method} {r.Path} → {(int)r.Expected}"));
    }

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
        var unitA = Client("unitA");
        await TestData.Ensure(await unitA.PutAsJsonAsync("/api/tenants/son-la/submissions/2025/xa-a", new SubmissionValues(new() { ["staffTrained"] = "5" })));
        await TestData.Ensure(await unitA.PostAsync("/api/tenants/son-la/submissions/2025/xa-a/submit", null));
        var maintainer = Client("maintainer");
        var run = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null))).Content.ReadFromJsonAsync<RunDto>())!;
        runId = (await TestData.WaitForRunAsync(maintainer, run.Id)).Id;
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [TestCaseSource(nameof(Matrix))]
    public async Task<HttpStatusCode> Request_GetsTheExpectedStatus(string role, string method, string path)
    {
        using var client = Client(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{run}", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            Content = Body(path),
        };
        var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private HttpClient Client(string role) => role switch
    {
        "admin" => host.ClientFor(Roles.Administrator),
        "maintainer" => host.ClientFor(Roles.RuleMaintainer, "son-la"),
        "otherMaintainer" => host.ClientFor(Roles.RuleMaintainer, "lai-chau"),
        "sec1" => host.ClientFor(Roles.Secretariat, "son-la", null, "cum-1"),
        "sec2" => host.ClientFor(Roles.Secretariat, "son-la", null, "cum-2"),
        "unitA" => host.ClientFor(Roles.Unit, "son-la", "xa-a"),
        "unitC" => host.ClientFor(Roles.Unit, "son-la", "xa-c"),
        _ => host.CreateClient(),
    };

    private static HttpContent? Body(string path) => path switch
    {
        "/api/tenants/son-la" => JsonContent.Create(new TenantDto("son-la", "Tỉnh Sơn La", [])),
        "/api/tenants/son-la/units" => JsonContent.Create(new UnitDto("xa-moi-" + Guid.NewGuid().ToString("N")[..6], "Xã Mới", "locality", null, null, null)),
        "/api/tenants/son-la/groups/2025/cum-1" => JsonContent.Create(new GroupDto("cum-1", "Cụm 1", "cluster", 2025, [])),
        "/api/rule-sets/validate" or "/api/rule-sets" => new StringContent(TestData.RuleSetJson("9.9.9"), Encoding.UTF8, "application/json"),
        "/api/tenants/son-la/runs" => JsonContent.Create(new RunRequest(2025, TestData.RuleSetId, null, null)),
        _ when path.EndsWith("/return", StringComparison.Ordinal) => JsonContent.Create(new ReviewComments("Bổ sung")),
        _ when path.EndsWith("/evidence", StringComparison.Ordinal) => TestData.Upload("%PDF-1.4"u8.ToArray(), "a.pdf", "application/pdf"),
        _ when path.EndsWith("xa-a", StringComparison.Ordinal) => JsonContent.Create(new SubmissionValues(new() { ["staffTrained"] = "6" })),
        _ => null,
    };
}
