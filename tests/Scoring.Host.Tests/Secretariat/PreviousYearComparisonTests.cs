using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Pages;

namespace Scoring.Host.Tests.Secretariat;

/// <summary>
/// The secretariat's ranking compares each unit with the group's result of the year before: the published 2025 run of
/// cụm 1 (xa-a first, xa-b second) against 2026, where the two swap and xa-c joins the cluster. The page shows the places
/// gained or lost and the change of the total, computed from the stored results; a unit without a result in the group the
/// year before shows "chưa có"; the A4 council document shows the previous rank and total.
/// </summary>
[TestFixture]
public sealed partial class PreviousYearComparisonTests
{
    private static readonly Dictionary<string, string> Strong = new()
    {
        ["planIssuedOn"] = "2025-07-20", ["launchHeld"] = "true", ["communicationItems"] = "6", ["dti"] = "0.82", ["staffTrained"] = "40",
        ["staffTotal"] = "50", ["cyberDrillHeld"] = "true", ["digitalModels"] = "2", ["assignedTasksCompleted"] = "10", ["assignedTasksTotal"] = "10",
    };

    private static readonly Dictionary<string, string> Weak = new() { ["planIssuedOn"] = "2025-08-20", ["launchHeld"] = "false", ["dti"] = "0.55", ["staffTrained"] = "10", ["staffTotal"] = "50" };

    private ScoringHostFactory host = null!;
    private long run2025;
    private long run2026;

    [OneTimeSetUp]
    public async Task ScoreTwoYears()
    {
        host = new ScoringHostFactory();
        await TestData.SeedAsync(host);
        using var admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/groups/2026/import", TestData.Csv(
            "group,groupName,groupKind,unit,role\n" +
            "cum-1,Cụm thi đua số 1,cluster,xa-a,head\n" +
            "cum-1,Cụm thi đua số 1,cluster,xa-b,member\n" +
            "cum-1,Cụm thi đua số 1,cluster,xa-c,member\n", "groups-2026.csv")));

        await SubmitAsync(2025, "xa-a", Strong);
        await SubmitAsync(2025, "xa-b", Weak);
        run2025 = await RunAsync(2025);
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{run2025}/publish", null));

        host.Clock.Now = Instant.FromUtc(2026, 10, 1, 3, 0);
        await SubmitAsync(2026, "xa-a", Weak);
        await SubmitAsync(2026, "xa-b", Strong);
        await SubmitAsync(2026, "xa-c", Weak);
        run2026 = await RunAsync(2026);
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public async Task Ranking_ShowsPlacesAndTotalChangedSinceTheYearBefore()
    {
        var before = await ResultsAsync(run2025);
        var now = await ResultsAsync(run2026);
        Assert.That(before["xa-a"].Rank, Is.LessThan(before["xa-b"].Rank), "2025: xa-a ahead");
        Assert.That(now["xa-b"].Rank, Is.LessThan(now["xa-a"].Rank), "2026: xa-b ahead");

        using var secretariat = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1");
        using var response = await secretariat.GetAsync($"/thu-ky/luot-cham/{run2026}/cum-1");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(PageHtml.Decode(html), Does.Contain("So với năm 2025"));

        foreach (var unit in new[] { "xa-a", "xa-b" })
        {
            var (was, @is) = (before[unit], now[unit]);
            var places = was.Rank - @is.Rank;
            var arrow = places > 0 ? $"▲{places}" : places < 0 ? $"▼{-places}" : "=";
            var delta = @is.Total - was.Total;
            Assert.That(delta, Is.Not.EqualTo(0m), $"{unit}'s total changed between the years");
            Assert.That(ChangeCell(html, unit), Is.EqualTo($"hạng {was.Rank} → {@is.Rank} ({arrow}), điểm {(delta >= 0 ? "+" : "")}{Display.Number(delta)}"), unit);
        }

        Assert.That(ChangeCell(html, "xa-c"), Is.EqualTo("chưa có"), "xa-c was not in cụm 1 in 2025");
    }

    [Test]
    public async Task PreviousYear_IsThePublishedRun_NotALaterRescoring()
    {
        // A later 2025 run of the same cluster, on changed values and not published, must not replace the published result
        // as the reference.
        var published = await ResultsAsync(run2025);
        using (var secretary = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1"))
        using (var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-b"))
        {
            var path = $"/api/tenants/{TestData.Tenant}/submissions/2025/xa-b";
            await TestData.Ensure(await secretary.PostAsJsonAsync(path + "/return", new ReviewComments("Bổ sung số liệu diễn tập.")));
            using var patch = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new SubmissionChanges(new() { ["cyberDrillHeld"] = "true", ["digitalModels"] = "3" })) };
            patch.Headers.TryAddWithoutValidation("If-Match", "*");
            await TestData.Ensure(await unit.SendAsync(patch));
            await TestData.Ensure(await unit.PostAsync(path + "/submit", null));
        }

        var rescored = await RunAsync(2025);
        Assert.That((await ResultsAsync(rescored))["xa-b"].Total, Is.Not.EqualTo(published["xa-b"].Total), "the rescoring differs");

        using var secretariat = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1");
        var html = await secretariat.GetStringAsync($"/thu-ky/luot-cham/{run2026}/cum-1/in");
        var text = Regex.Replace(PageHtml.Decode(html), "\\s+", " ");
        Assert.That(text, Does.Contain($"hạng {published["xa-a"].Rank}, {Display.Number(published["xa-a"].Total)} điểm"));
        Assert.That(text, Does.Contain($"hạng {published["xa-b"].Rank}, {Display.Number(published["xa-b"].Total)} điểm"));
    }

    private static string ChangeCell(string html, string unit)
    {
        var match = Regex.Match(html, $"<tr data-unit=\"{Regex.Escape(unit)}\">.*?<td class=\"num change\">(.*?)</td>", RegexOptions.Singleline);
        Assert.That(match.Success, Is.True, $"no ranking row for {unit}");
        return Regex.Replace(PageHtml.Decode(Tags().Replace(match.Groups[1].Value, "")), "\\s+", " ").Trim();
    }

    private Task<Dictionary<string, (int Rank, decimal Total)>> ResultsAsync(long run) =>
        host.WithDbAsync(db => db.UnitResults.AsNoTracking().Where(r => r.RunId == run && r.GroupCode == "cum-1")
            .ToDictionaryAsync(r => r.UnitCode, r => (r.Rank, r.Total)));

    private async Task SubmitAsync(int year, string unit, Dictionary<string, string> values)
    {
        using var client = host.ClientFor(Roles.Unit, TestData.Tenant, unit);
        var path = $"/api/tenants/{TestData.Tenant}/submissions/{year}/{unit}";
        await TestData.Ensure(await client.PutAsJsonAsync(path, new SubmissionValues(values)));
        await TestData.Ensure(await client.PostAsync(path + "/submit", null));
    }

    private async Task<long> RunAsync(int year)
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var response = await maintainer.PostAsJsonAsync($"/api/tenants/{TestData.Tenant}/runs", new RunRequest(year, TestData.RuleSetId, null, ["cum-1"]));
        await TestData.Ensure(response);
        var run = (await response.Content.ReadFromJsonAsync<RunDto>())!;
        var done = await TestData.WaitForRunAsync(maintainer, run.Id);
        Assert.That(done.Status, Is.EqualTo("completed"), done.Error);
        return run.Id;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
