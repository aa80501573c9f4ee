using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Runs;

/// <summary>
/// Issue 9, defects 1 and 5, at the run: the run re-checks every frozen value against its pinned rule set (the last
/// guard) and, when values do not fit, fails naming every bad value of every unit at once and scores nothing; a year whose
/// groups have no unit the rule set scores fails with a message in the service's terms, never one about a data file.
/// The real engine on SQLite. Values that do not fit can only reach a run from revisions stored before the API checked
/// values (the door refuses them now), so the test appends such revisions directly.
/// </summary>
public sealed class RunLastGuardTests
{
    private ScoringHostFactory host = null!;
    private HttpClient maintainer = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory();
        await TestData.SeedAsync(host);
        maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
    }

    [TearDown]
    public void StopHost()
    {
        maintainer.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task ValuesThatDoNotFit_FailTheRun_NamingEveryBadValueOfEveryUnit_AndNothingIsScored()
    {
        await SubmitAsync("xa-a", """{"staffTrained":"-3","staffTotal":"10","dti":"1.5"}""");
        await SubmitAsync("xa-c", """{"launchHeld":"5","staffTrained":"4"}""");

        var run = await RunAsync(2025);

        Assert.That(run.Status, Is.EqualTo("failed"));
        Assert.That(run.Error, Does.Contain("Có 3 giá trị không hợp lệ").And.Contain(TestData.RuleSetId + "@1.0.0").And.Contain("chưa chấm điểm"));
        Assert.That(run.Error, Does.Contain("xa-a: `dti`").And.Contain("«1.5»").And.Contain("nằm ngoài khoảng cho phép"));
        Assert.That(run.Error, Does.Contain("xa-a: `staffTrained`").And.Contain("«-3»").And.Contain("là số âm"));
        Assert.That(run.Error, Does.Contain("xa-c: `launchHeld`").And.Contain("«5»").And.Contain("không phải giá trị đúng/sai"));
        using var board = await maintainer.GetAsync($"/api/runs/{run.Id}/groups/cum-1");
        Assert.That(board.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a refused run has no results");
    }

    [Test]
    public async Task WithTheBadValuesFixed_TheSameYearScores()
    {
        await SubmitAsync("xa-a", """{"staffTrained":"3","staffTotal":"10","dti":"0.5"}""");

        var run = await RunAsync(2025);

        Assert.That(run.Status, Is.EqualTo("completed"), run.Error);
    }

    [Test]
    public async Task AYearWhoseGroupsHaveNoUnitTheRuleSetScores_FailsSayingSo_NotNamingAFile()
    {
        using var admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PostAsJsonAsync("/api/tenants/son-la/units", new UnitDto("so-kh-cn", "Sở Khoa học và Công nghệ", "department", null, null, null)));
        await TestData.Ensure(await admin.PutAsJsonAsync("/api/tenants/son-la/groups/2027/khoi-so",
            new GroupDto("khoi-so", "Khối các sở", "bloc", 2027, [new GroupMemberDto("so-kh-cn", "head")])));

        var run = await RunAsync(2027);

        Assert.That(run.Status, Is.EqualTo("failed"));
        Assert.That(run.Error, Does.Contain("Không có cụm/khối nào năm 2027 có thành viên thuộc loại đơn vị").And.Contain("locality")
            .And.Contain("PUT /api/tenants/son-la/groups/2027/"));
        Assert.That(run.Error, Does.Not.Contain("thiếu tệp").And.Not.Contain("groups-2027.csv").And.Not.Contain("cơ sở dữ liệu"));
    }

    /// <summary>xa-… 's 2025 report with a valid first revision, then a revision of <paramref name="valuesJson"/> appended as an old one would be, submitted.</summary>
    private async Task SubmitAsync(string unit, string valuesJson)
    {
        using var client = host.ClientFor(Roles.Unit, TestData.Tenant, unit);
        var path = $"/api/tenants/son-la/submissions/2025/{unit}";
        await TestData.Ensure(await client.PutAsJsonAsync(path, new SubmissionValues(new() { ["staffTrained"] = "1" })));
        await host.WithDbAsync(async db =>
        {
            var submission = await db.Submissions.SingleAsync(s => s.UnitCode == unit && s.Year == 2025);
            submission.CurrentRevision++;
            db.SubmissionRevisions.Add(new SubmissionRevision
            {
                SubmissionId = submission.Id, Number = submission.CurrentRevision, ValuesJson = valuesJson,
                CreatedAt = SystemClock.Instance.GetCurrentInstant(), CreatedBy = "bản lưu cũ",
            });
            return await db.SaveChangesAsync();
        });
        await TestData.Ensure(await client.PostAsync(path + "/submit", null));
    }

    private async Task<RunDto> RunAsync(int year)
    {
        var response = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(year, TestData.RuleSetId, "1.0.0", null));
        await TestData.Ensure(response);
        return await TestData.WaitForRunAsync(maintainer, (await response.Content.ReadFromJsonAsync<RunDto>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.Id);
    }
}
