using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Door;

/// <summary>
/// Issue 9's usability note: a 422 for values that do not fit names what is allowed for each declared indicator, and
/// the list of declared indicators once (with the <c>declared</c> extension), however many unknown ones were sent.
/// </summary>
public sealed class ValueMessageTests
{
    private const string Path = "/api/tenants/son-la/submissions/2025/xa-a";
    private ScoringHostFactory host = null!;
    private HttpClient unit = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
        unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        unit.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task ManyUnknownIndicators_NameTheDeclaredListOnce()
    {
        var values = Enumerable.Range(1, 25).ToDictionary(i => $"khongCoChiSo{i}", _ => "1");
        values["dti"] = "1.5";

        using var response = await unit.PutAsJsonAsync(Path, new SubmissionValues(values));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.That(Count(detail, "Các chỉ số được khai báo"), Is.EqualTo(1));
        Assert.That(Count(detail, "staffTotal"), Is.EqualTo(1), "each declared indicator is named once, not once per unknown value");
        Assert.That(detail, Does.Contain("26 giá trị không hợp lệ").And.Contain("`khongCoChiSo7` = «1»: không bộ tiêu chí nào"));
        Assert.That(detail, Does.Contain("`dti`").And.Contain("giá trị hợp lệ: một số").And.Contain("từ 0 đến 1"));
        Assert.That(problem.GetProperty("declared").EnumerateArray().Select(e => e.GetString()), Does.Contain("staffTotal").And.Contain("dti"));
        var listed = problem.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("indicator").GetString()!);
        Assert.That(listed["khongCoChiSo7"].GetProperty("allowed").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(listed["dti"].GetProperty("allowed").GetString(), Does.Contain("từ 0 đến 1"));
    }

    [Test]
    public async Task OnlyValuesOutOfRange_DoNotListTheIndicators()
    {
        using var response = await unit.PutAsJsonAsync(Path, new SubmissionValues(new() { ["dti"] = "1.5", ["staffTrained"] = "-3" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("detail").GetString(), Does.Not.Contain("Các chỉ số được khai báo"));
        Assert.That(problem.TryGetProperty("declared", out _), Is.False);
    }

    [Test]
    public async Task APatchOfMoreThan300Values_Is422SayingTheLimit()
    {
        var many = Enumerable.Range(0, 301).ToDictionary(i => $"x{i}", _ => (string?)"1");
        using var request = new HttpRequestMessage(HttpMethod.Patch, Path) { Content = JsonContent.Create(new SubmissionChanges(many)) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");

        using var response = await unit.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("vượt giới hạn 300 giá trị"));
        Assert.That((problem.GetProperty("limit").GetInt32(), problem.GetProperty("count").GetInt32()), Is.EqualTo((300, 301)));
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
