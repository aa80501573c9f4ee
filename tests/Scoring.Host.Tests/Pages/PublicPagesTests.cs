using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Pages;

/// <summary>The public pages over the in-memory host with the real engine; data made through the API.</summary>
[TestFixture]
public sealed class PublicPagesTests
{
    private ScoringHostFactory host = null!;
    private HttpClient client = null!;
    private long published;
    private long unpublished;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory();
        (published, unpublished) = await PublishedSite.PrepareAsync(host);
        client = host.CreateClient();
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        client.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task Home_ListsTheTenant_ItsMovement_AndThePublishedYear()
    {
        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("<html lang=\"vi\">"));
        Assert.That(html, Does.Contain("<h1>Kết quả chấm điểm thi đua đổi mới sáng tạo và chuyển đổi số</h1>"));
        Assert.That(html, Does.Contain("<h3>Tỉnh Sơn La</h3>"), "Vietnamese letters are written as they are");
        Assert.That(html, Does.Contain("Sơn La thi đua đổi mới sáng tạo và chuyển đổi số"));
        Assert.That(html, Does.Contain("href=\"/ket-qua/son-la/2025\""));
        Assert.That(html, Does.Contain("<form class=\"search\" action=\"/tim-kiem\" method=\"get\" role=\"search\">"));
    }

    [Test]
    public async Task Rankings_FollowTheStoredRanking_AndShowOnlyPublishedGroups()
    {
        var response = await client.GetAsync("/ket-qua/son-la/2025");
        var html = await response.Content.ReadAsStringAsync();
        var board = await client.GetFromJsonAsync<List<LeaderboardEntry>>("/api/tenants/son-la/results/2025/groups/cum-1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<h1>Kết quả chấm điểm năm 2025 – Tỉnh Sơn La</h1>"));
        Assert.That(html, Does.Contain("Cụm thi đua số 1"));
        Assert.That(html, Does.Contain("<th scope=\"col\">Hạng</th>"));
        Assert.That(html, Does.Contain("<h2 id=\"tieu-de-khen-thuong\">Danh sách đề nghị khen thưởng</h2>"));
        Assert.That(board!.Select(b => b.Unit).ToList(), Is.EqualTo(new[] { "xa-a", "xa-b" }), "xa-a reported more and better");
        Assert.That(PageHtml.RankedUnits(html, "cum-1"), Is.EqualTo(board!.Select(b => b.Unit).ToList()));
        Assert.That(PageHtml.RankedUnits(html, "cum-2"), Is.Empty, "cụm 2 was scored by a run that is not published");
        Assert.That(html, Does.Not.Contain("Cụm thi đua số 2"));
        Assert.That(html, Does.Contain($"Số {published}, công bố lúc"));
    }

    [Test]
    public async Task AwardList_ShowsTheRunsProposals()
    {
        var awards = await client.GetFromJsonAsync<JsonElement>($"/api/runs/{published}/awards");
        var html = PageHtml.Decode(await client.GetStringAsync("/ket-qua/son-la/2025"));
        var first = awards.EnumerateArray().First();

        Assert.That(awards.EnumerateArray().Select(a => a.GetProperty("unit").GetString()), Is.EqualTo(new[] { "xa-a" }), "only xa-a scored 80 or more");
        Assert.That(PageHtml.AwardedUnits(html), Is.EqualTo(new[] { "xa-a" }));
        Assert.That(html, Does.Contain($"<td>{first.GetProperty("awardTitle").GetString()}</td>"));
        Assert.That(html, Does.Contain($"<td>{first.GetProperty("reason").GetString()}</td>"));
        Assert.That(PageHtml.RankedUnits(html, "cum-1"), Has.Count.EqualTo(2));
        var row = html[html.IndexOf("<table data-group=\"cum-1\">", StringComparison.Ordinal)..];
        row = row[row.IndexOf("<tr data-unit=\"xa-a\">", StringComparison.Ordinal)..row.IndexOf("</tr>", row.IndexOf("<tr data-unit=\"xa-a\">", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.That(row, Does.Contain($"<td>{first.GetProperty("awardTitle").GetString()}</td>"), "the ranking row names the proposed award");
    }

    [Test]
    public async Task CardApi_ServesVietnameseAsUtf8_NotEscaped()
    {
        var raw = await client.GetStringAsync("/api/tenants/son-la/results/2025/units/xa-a");
        var card = System.Text.Json.JsonDocument.Parse(raw).RootElement;

        Assert.That(card.GetProperty("gradeTitle").GetString(), Does.Match("[ạàáảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]"));
        Assert.That(raw, Does.Contain($"\"gradeTitle\":\"{card.GetProperty("gradeTitle").GetString()}\""));
        Assert.That(raw, Does.Not.Match(@"\\u(?!00[0-7][0-9A-Fa-f])"), "only ASCII (HTML-sensitive) characters may be \\u-escaped, never Vietnamese letters");
    }

    [Test]
    public void SharedRanks_AreMarked_FromTheStoredRanks()
    {
        var labels = new RuleSetLabels(new Dictionary<string, string> { ["tot"] = "Hoàn thành tốt" }, new Dictionary<string, string>(), new Dictionary<string, string>());
        UnitResult Row(string unit, int rank) => new() { GroupCode = "cum-1", UnitCode = unit, UnitName = unit, Rank = rank, Total = 80m, Grade = "tot", CardJson = "{}" };

        var rows = PublicResults.Rank([Row("xa-c", 3), Row("xa-b", 1), Row("xa-a", 1)], labels);

        Assert.That(rows.Select(r => (r.Unit, r.RankText, r.GradeTitle)),
            Is.EqualTo(new[] { ("xa-a", "1=", "Hoàn thành tốt"), ("xa-b", "1=", "Hoàn thành tốt"), ("xa-c", "3", "Hoàn thành tốt") }));
    }

    [Test]
    public async Task Card_ExplainsEachCriterion_WithTheEnginesReason_AndPinsTheRuleSet()
    {
        var api = await client.GetFromJsonAsync<JsonElement>("/api/tenants/son-la/results/2025/units/xa-a");
        var versions = await client.GetFromJsonAsync<List<RuleSetVersionDto>>("/api/rule-sets");
        var firstCriterion = api.GetProperty("sections")[0].GetProperty("criteria")[0];

        var response = await client.GetAsync("/ket-qua/son-la/2025/xa-a");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(PageHtml.ById(html, "rank"), Is.EqualTo(api.GetProperty("rank").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(PageHtml.ById(html, "total"), Is.EqualTo(api.GetProperty("total").GetDecimal().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')));
        Assert.That(PageHtml.ById(html, "grade"), Is.EqualTo(api.GetProperty("gradeTitle").GetString()));
        Assert.That(PageHtml.ById(html, "group"), Is.EqualTo("Cụm thi đua số 1"));
        Assert.That(firstCriterion.GetProperty("id").GetString(), Is.EqualTo("I.1"));
        var criterion = firstCriterion.Deserialize<Scoring.Engine.Results.CriterionScore>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.That(PageHtml.Reason(html, "I.1"), Is.EqualTo(Scoring.Engine.Text.ExplanationRenderer.Reason(criterion)).And.Not.Empty,
            "the page writes the reason the engine's renderer makes from the stored explanation");
        Assert.That(html, Does.Contain("<h2 id=\"tieu-de-vi-sao\">Vì sao đơn vị được số điểm này</h2>"));
        Assert.That(html, Does.Contain("<span class=\"value-title\">Ngày ban hành kế hoạch hưởng ứng phong trào của đơn vị</span>: 20/07/2025"),
            "the value the criterion used, titled as the rule set declares it, dated as Vietnamese readers write dates");
        var version = versions!.Single();
        Assert.That(html, Does.Contain($"<code class=\"ruleset-id\">{version.Id}</code>"));
        Assert.That(html, Does.Contain($"<code class=\"ruleset-version\">{version.Version}</code>"));
        Assert.That(html, Does.Contain($"<code class=\"hash ruleset-sha\">{version.Sha256}</code>"));
    }

    [Test]
    public async Task UnpublishedAndUnknown_AreAFriendlyVietnamese404()
    {
        var anonymous = await client.GetAsync($"/api/runs/{unpublished}/units/xa-c");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "run 2 exists, completed, not published");

        foreach (var path in new[]
                 {
                     "/ket-qua/son-la/2025/xa-c", "/ket-qua/son-la/2024", "/ket-qua/ha-noi/2025", "/ket-qua/son-la/2025/xa-zz",
                     "/bo-tieu-chi/son-la.dmst-cds.ubnd-xa-phuong/9.9.9", "/trang-khong-co",
                 })
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), path);
            Assert.That(html, Does.Contain("<h1 id=\"tieu-de-404\">Không tìm thấy trang (404)</h1>"), path);
        }
    }

    [Test]
    public async Task ApiRoutes_KeepTheirJsonProblems()
    {
        var unknown = await client.GetAsync("/api/khong-co");
        var missingRun = await client.GetAsync("/api/runs/999999/units/xa-a");
        var unauthorized = await client.GetAsync("/api/tenants/son-la/runs");
        var openApi = await client.GetAsync("/openapi/v1.json");

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(missingRun.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missingRun.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(unauthorized.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unauthorized.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("text/html"));
        Assert.That(openApi.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await openApi.Content.ReadAsStringAsync(), Does.Contain("\"/api/runs/{id}/units/{unit}\"").And.Not.Contain("/ket-qua/"),
            "the pages are not API operations");
    }

    [Test]
    public async Task Search_FindsAUnitByNameWithoutDiacritics_OrByCode()
    {
        var byName = PageHtml.Decode(await client.GetStringAsync("/tim-kiem?q=chieng%20coi"));
        var byCode = PageHtml.Decode(await client.GetStringAsync("/tim-kiem?q=XA-B"));
        var none = PageHtml.Decode(await client.GetStringAsync("/tim-kiem?q=Hà%20Giang"));

        Assert.That(byName, Does.Contain("<tr class=\"match\" data-unit=\"xa-a\">"));
        Assert.That(byName, Does.Contain("href=\"/ket-qua/son-la/2025/xa-a\""));
        Assert.That(byName, Does.Not.Contain("data-unit=\"xa-b\""));
        Assert.That(byCode, Does.Contain("<tr class=\"match\" data-unit=\"xa-b\">"));
        Assert.That(none, Does.Contain("Không tìm thấy đơn vị nào có mã hoặc tên chứa “Hà Giang”."));
    }

    [Test]
    public async Task RuleSets_ListTheVersion_AndShowCriteriaClausesGradesAndAwards()
    {
        var version = (await client.GetFromJsonAsync<List<RuleSetVersionDto>>("/api/rule-sets"))!.Single();
        var list = await client.GetStringAsync("/bo-tieu-chi");
        var response = await client.GetAsync($"/bo-tieu-chi/{version.Id}/{version.Version}");
        var page = PageHtml.Decode(await response.Content.ReadAsStringAsync());
        var source = JsonDocument.Parse(TestData.RuleSetJson()).RootElement;
        var first = source.GetProperty("sections")[0].GetProperty("criteria")[0];

        Assert.That(list, Does.Contain($"<tr data-ruleset=\"{version.Id}\" data-version=\"{version.Version}\">"));
        Assert.That(list, Does.Contain(version.Sha256[..12]));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page, Does.Contain($"<h1>{version.Title}</h1>"));
        Assert.That(page, Does.Contain(version.Sha256));
        Assert.That(page, Does.Contain(first.GetProperty("clause").GetString()), "the plan clause the criterion cites");
        Assert.That(page, Does.Contain("chậm mỗi tuần trừ 1 điểm"), "I.1 is a deadline criterion");
        Assert.That(page, Does.Contain("<td>Hoàn thành xuất sắc</td><td class=\"num\">90</td>"));
        Assert.That(page, Does.Contain("Huân chương Lao động"));
        Assert.That(page, Does.Contain("tối đa 1 toàn tỉnh/xã"));
        Assert.That(page, Does.Contain("xếp loại Hoàn thành xuất sắc"), "award conditions name grades by their titles");
    }

    [Test]
    public async Task Stylesheet_IsServedLocally()
    {
        var response = await client.GetAsync("/css/site.css");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
    }

    [Test]
    public void SharedRank_IsShownWithAnEqualsSign_AndSearchFoldsDiacritics()
    {
        Assert.That(new RankingRow(2, true, "xa-a", "A", 80m, "Tốt", null).RankText, Is.EqualTo("2="));
        Assert.That(new RankingRow(3, false, "xa-b", "B", 70m, "Tốt", null).RankText, Is.EqualTo("3"));
        Assert.That(PublicResults.Fold("  Phường Đồng Xuân "), Is.EqualTo("phuong dong xuan"));
    }
}
