using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Pages;

namespace Scoring.Host.Tests.Council;

/// <summary>
/// The appraisal and the council through the API, on SQLite and PostgreSQL with the real engine: a movement with the council
/// step holds publication until every proposal is appraised and decided; the published lists, pages and workbook carry the
/// decisions; a revocation is recorded once, never changed or deleted, and shown. Every refusal names its field and writes nothing.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class CouncilApiTests(Backend backend)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Test]
    public async Task A_run_goes_through_appraisal_and_the_councils_decision_to_a_published_list_that_shows_both_then_a_revocation()
    {
        using var world = await CouncilWorld.StartAsync(backend, councilStep: true);
        using var appraiser = world.Appraiser();
        using var admin = world.Admin();
        var run = world.Run;
        var (a1, a2, a3) = (world.Proposals["ag-1"], world.Proposals["ag-2"], world.Proposals["ag-3"]);

        var held = await admin.PostAsync($"/api/runs/{run}/publish", null);
        Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await held.Content.ReadAsStringAsync(), Does.Contain("chưa thẩm định: Văn phòng HĐND và UBND xã, Trung tâm Phục vụ hành chính công xã, Phòng Kinh tế xã"));

        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a1}/appraisal", new AppraisalRequest("confirm", null, "Hồ sơ đầy đủ, đúng tiêu chuẩn.")));
        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a2}/appraisal", new AppraisalRequest("confirm", null, "Đủ điều kiện; đồng điểm, trình Hội đồng bỏ phiếu.")));
        var adjusted = await Ok(appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a3}/appraisal", new AppraisalRequest("adjust", null, "Đơn vị bị kỷ luật trong năm.")));
        Assert.That((adjusted.Status, adjusted.FinalAward, adjusted.Appraisals.Single().Confirmed), Is.EqualTo(("appraised", (string?)null, false)), "withdrawn");

        var stillHeld = await admin.PostAsync($"/api/runs/{run}/publish", null);
        Assert.That(await stillHeld.Content.ReadAsStringAsync(), Does.Contain("chưa có quyết định của Hội đồng: Văn phòng HĐND và UBND xã, Trung tâm Phục vụ hành chính công xã")
            .And.Not.Contain("Phòng Kinh tế xã"), "a withdrawn proposal needs no decision");

        var noBallot = await appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a2}/decision", new DecisionRequest(true, null, null, "12/QĐ-HĐTĐKT", "2028-01-15"));
        Assert.That(noBallot.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await noBallot.Content.ReadAsStringAsync(), Does.Contain("`votesFor`").And.Contain("đồng điểm tại ngưỡng"));
        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a1}/decision", new DecisionRequest(true, null, null, "12/QĐ-HĐTĐKT", "2028-01-15")));
        var tie = await Ok(appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a2}/decision", new DecisionRequest(true, 7, 2, "12/QĐ-HĐTĐKT", "2028-01-15")));
        Assert.That(tie.Decision, Is.EqualTo(new CouncilDecisionDto(true, 7, 2, "12/QĐ-HĐTĐKT", "2028-01-15")));

        var published = await admin.PostAsync($"/api/runs/{run}/publish", null);
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.OK), await published.Content.ReadAsStringAsync());

        using var anonymous = world.Host.ClientFor(Roles.Public);
        var awards = (await anonymous.GetFromJsonAsync<List<AwardEntryDto>>($"/api/runs/{run}/awards", Web))!.ToDictionary(a => a.Unit);
        Assert.Multiple(() =>
        {
            Assert.That(awards["ag-1"].Status, Is.EqualTo("approved"));
            Assert.That(awards["ag-1"].Appraisal!.Reason, Is.EqualTo("Hồ sơ đầy đủ, đúng tiêu chuẩn."));
            Assert.That(awards["ag-2"].Decision, Is.EqualTo(new CouncilDecisionDto(true, 7, 2, "12/QĐ-HĐTĐKT", "2028-01-15")));
            Assert.That(awards["ag-3"].Status, Is.EqualTo("appraised"));
            Assert.That(awards["ag-3"].Decision, Is.Null);
        });
        var lists = (await anonymous.GetFromJsonAsync<List<AuthorityProposalsDto>>($"/api/tenants/{CouncilWorld.Tenant}/award-proposals/{CouncilWorld.Year}", Web))!;
        Assert.That(lists.SelectMany(l => l.Proposals).Single(p => p.Unit == "ag-2").Decision!.Number, Is.EqualTo("12/QĐ-HĐTĐKT"));

        var year = PageHtml.Decode(await anonymous.GetStringAsync($"/ket-qua/{CouncilWorld.Tenant}/{CouncilWorld.Year}"));
        Assert.That(year, Does.Contain("Hội đồng thông qua (bỏ phiếu kín: 7 đồng ý, 2 không đồng ý), Quyết định số 12/QĐ-HĐTĐKT ngày 15/01/2028"));
        Assert.That(year, Does.Contain("Rút đề nghị: Đơn vị bị kỷ luật trong năm."));

        var revoked = await Ok(appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a1}/revocation",
            new RevocationRequest("Phát hiện kê khai sai số liệu.", "30/QĐ-UBND", "2028-01-20")));
        Assert.That((revoked.Status, revoked.Revocation), Is.EqualTo(("revoked", (RevocationDto?)new RevocationDto("Phát hiện kê khai sai số liệu.", "30/QĐ-UBND", "2028-01-20"))));
        var again = await appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a1}/revocation", new RevocationRequest("Lần hai.", "31/QĐ-UBND", "2028-01-20"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        var card = PageHtml.Decode(await anonymous.GetStringAsync($"/ket-qua/{CouncilWorld.Tenant}/{CouncilWorld.Year}/ag-1"));
        Assert.That(card, Does.Contain("Sở Nội vụ thẩm định. Xác nhận đề nghị: Hồ sơ đầy đủ, đúng tiêu chuẩn.")
            .And.Contain("Hội đồng thông qua, Quyết định số 12/QĐ-HĐTĐKT ngày 15/01/2028")
            .And.Contain("Đã thu hồi theo Quyết định số 30/QĐ-UBND ngày 20/01/2028: Phát hiện kê khai sai số liệu."));
        Assert.That(PageHtml.Decode(await anonymous.GetStringAsync($"/ket-qua/{CouncilWorld.Tenant}/{CouncilWorld.Year}")), Does.Contain("Đã thu hồi theo Quyết định số 30/QĐ-UBND"),
            "the cached year page was evicted by the revocation");

        var actions = await world.Host.WithDbAsync(db => db.AuditLog.Where(a => a.Entity == "award-proposal").Select(a => a.Action).ToListAsync());
        Assert.That(actions.Order(), Is.EqualTo(new[] { "award.appraise", "award.appraise", "award.appraise", "award.decide", "award.decide", "award.revoke" }));
        Assert.That(await world.Host.WithDbAsync(db => db.AwardEntries.CountAsync(a => a.RunId == run)), Is.EqualTo(3), "the published list itself never changes");
    }

    [Test]
    public async Task A_revocation_an_appraisal_and_a_decision_can_be_neither_changed_nor_deleted_in_the_database()
    {
        using var world = await CouncilWorld.StartAsync(backend, councilStep: false);
        using var appraiser = world.Appraiser();
        var a1 = world.Proposals["ag-1"];
        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{world.Run}/proposals/{a1}/appraisal", new AppraisalRequest("confirm", null, "Đúng.")));
        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{world.Run}/proposals/{a1}/decision", new DecisionRequest(true, null, null, "1/QĐ", "2028-01-02")));
        await TestData.Ensure(await world.Admin().PostAsync($"/api/runs/{world.Run}/publish", null));
        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{world.Run}/proposals/{a1}/revocation", new RevocationRequest("Sai.", "2/QĐ", "2028-01-03")));

        foreach (var sql in new[]
        {
            "UPDATE award_revocations SET reason = 'khác'", "DELETE FROM award_revocations",
            "UPDATE award_appraisals SET reason = 'khác'", "DELETE FROM award_appraisals",
            "UPDATE council_decisions SET approved = " + (backend == Backend.Postgres ? "false" : "0"), "DELETE FROM council_decisions",
        })
        {
            Assert.That(async () => await world.Host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)), Throws.Exception, sql);
        }

        Assert.That(await world.Host.WithDbAsync(db => db.AwardRevocations.Select(r => r.Reason).SingleAsync()), Is.EqualTo("Sai."));
    }

    [Test]
    public async Task Without_the_council_step_a_run_publishes_as_before_and_shows_what_was_recorded()
    {
        using var world = await CouncilWorld.StartAsync(backend, councilStep: false);
        using var appraiser = world.Appraiser();
        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{world.Run}/proposals/{world.Proposals["ag-1"]}/appraisal",
            new AppraisalRequest("adjust", "giay-khen", "Chỉ đủ điều kiện Giấy khen.")));

        var published = await world.Admin().PostAsync($"/api/runs/{world.Run}/publish", null);

        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.OK), await published.Content.ReadAsStringAsync());
        using var anonymous = world.Host.ClientFor(Roles.Public);
        var awards = (await anonymous.GetFromJsonAsync<List<AwardEntryDto>>($"/api/runs/{world.Run}/awards", Web))!.ToDictionary(a => a.Unit);
        Assert.That((awards["ag-1"].Status, awards["ag-1"].Appraisal!.Award), Is.EqualTo(("appraised", "giay-khen")));
        Assert.That(awards["ag-2"].Status, Is.EqualTo("awaiting-appraisal"));
        Assert.That(PageHtml.Decode(await anonymous.GetStringAsync($"/ket-qua/{CouncilWorld.Tenant}/{CouncilWorld.Year}")),
            Does.Contain("Điều chỉnh thành Giấy khen của Chủ tịch UBND xã: Chỉ đủ điều kiện Giấy khen."));
    }

    [Test]
    public async Task Bad_requests_name_the_field_and_write_nothing()
    {
        using var world = await CouncilWorld.StartAsync(backend, councilStep: true);
        using var appraiser = world.Appraiser();
        var run = world.Run;
        var a1 = world.Proposals["ag-1"];
        var cases = new (string Path, object Body, HttpStatusCode Status, string Says)[]
        {
            ($"proposals/{a1}/appraisal", new AppraisalRequest("approve", null, "x"), HttpStatusCode.BadRequest, "`action`"),
            ($"proposals/{a1}/appraisal", new AppraisalRequest("confirm", null, "  "), HttpStatusCode.BadRequest, "`reason`"),
            ($"proposals/{a1}/appraisal", new AppraisalRequest("adjust", "co-thi-dua", "x"), HttpStatusCode.BadRequest, "dùng một trong: bang-khen, giay-khen"),
            ($"proposals/{a1}/appraisal", new AppraisalRequest("adjust", "bang-khen", "x"), HttpStatusCode.BadRequest, "là hình thức đang đề nghị"),
            ($"proposals/{a1}/decision", new DecisionRequest(true, null, null, "1/QĐ", "2028-01-02"), HttpStatusCode.Conflict, "chưa được Sở Nội vụ thẩm định"),
            ($"proposals/{a1}/revocation", new RevocationRequest("x", "1/QĐ", "2028-01-02"), HttpStatusCode.Conflict, "chưa công bố"),
            ($"proposals/999999/appraisal", new AppraisalRequest("confirm", null, "x"), HttpStatusCode.NotFound, "không có đề nghị khen thưởng 999999"),
        };
        foreach (var (path, body, status, says) in cases)
        {
            var response = await appraiser.PostAsJsonAsync($"/api/runs/{run}/{path}", body);
            Assert.That(response.StatusCode, Is.EqualTo(status), path);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(says), path);
        }

        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a1}/appraisal", new AppraisalRequest("confirm", null, "Đúng.")));
        var decisionCases = new (DecisionRequest Body, string Says)[]
        {
            (new DecisionRequest(null, null, null, "1/QĐ", "2028-01-02"), "`approved`"),
            (new DecisionRequest(true, null, null, " ", "2028-01-02"), "`number`"),
            (new DecisionRequest(true, null, null, "1/QĐ", "02/01/2028"), "`date`: '02/01/2028' không phải ngày dạng yyyy-MM-dd"),
            (new DecisionRequest(true, null, null, "1/QĐ", "2028-02-01"), "ở sau hôm nay (20/01/2028)"),
            (new DecisionRequest(true, -1, 3, "1/QĐ", "2028-01-02"), "không âm"),
        };
        foreach (var (body, says) in decisionCases)
        {
            var response = await appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a1}/decision", body);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), says);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(says));
        }

        var broken = await appraiser.PostAsync($"/api/runs/{run}/proposals/{a1}/decision", new StringContent("{\"approved\": \"ja\"", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(broken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "malformed JSON is a 400, never a 500");
        Assert.That(await world.Host.WithDbAsync(db => db.CouncilDecisions.CountAsync()), Is.Zero);
        Assert.That(await world.Host.WithDbAsync(db => db.AwardAppraisals.CountAsync()), Is.EqualTo(1));

        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a1}/decision", new DecisionRequest(false, null, null, "1/QĐ", "2028-01-02")));
        var late = await appraiser.PostAsJsonAsync($"/api/runs/{run}/proposals/{a1}/appraisal", new AppraisalRequest("confirm", null, "Lần nữa."));
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "no appraisal after the council's decision");
        Assert.That(await late.Content.ReadAsStringAsync(), Does.Contain("Hội đồng đã quyết định"));
    }

    [Test]
    public async Task Only_the_tenants_appraisers_and_administrators_act()
    {
        using var world = await CouncilWorld.StartAsync(backend, councilStep: true);
        var a1 = world.Proposals["ag-1"];
        var body = new AppraisalRequest("confirm", null, "Đúng.");
        var others = new[]
        {
            world.Appraiser("son-la"),
            world.Host.ClientFor(Roles.RuleMaintainer, CouncilWorld.Tenant),
            world.Host.ClientFor(Roles.Secretariat, CouncilWorld.Tenant, null, "khoi-1"),
            world.Host.ClientFor(Roles.Unit, CouncilWorld.Tenant, "ag-1"),
        };
        foreach (var client in others)
        {
            Assert.That((await client.PostAsJsonAsync($"/api/runs/{world.Run}/proposals/{a1}/appraisal", body)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await client.GetAsync($"/api/runs/{world.Run}/proposals")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            client.Dispose();
        }

        using var anonymous = world.Host.ClientFor(Roles.Public);
        Assert.That((await anonymous.PostAsJsonAsync($"/api/runs/{world.Run}/proposals/{a1}/appraisal", body)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await world.Host.WithDbAsync(db => db.AwardAppraisals.CountAsync()), Is.Zero);
        await Ok(world.Admin().PostAsJsonAsync($"/api/runs/{world.Run}/proposals/{a1}/appraisal", body));
        var list = (await world.Appraiser().GetFromJsonAsync<List<ProposalDto>>($"/api/runs/{world.Run}/proposals", Web))!;
        Assert.That(list.Single(p => p.Unit == "ag-1").Appraisals, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_runs_workbook_carries_the_appraisals_decisions_and_revocations()
    {
        using var world = await CouncilWorld.StartAsync(backend, councilStep: false);
        using var appraiser = world.Appraiser();
        var a2 = world.Proposals["ag-2"];
        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{world.Run}/proposals/{a2}/appraisal", new AppraisalRequest("confirm", null, "Đủ điều kiện.")));
        await Ok(appraiser.PostAsJsonAsync($"/api/runs/{world.Run}/proposals/{a2}/decision", new DecisionRequest(true, 5, 4, "7/QĐ-HĐ", "2028-01-10")));

        var bytes = await world.Admin().GetByteArrayAsync($"/api/runs/{world.Run}/export.xlsx");

        var sheet = XlsxSheets.Read(bytes)[XlsxWriter.ReviewSheet];
        Assert.That(sheet[0][6..11], Is.EqualTo(new[] { "Tình trạng", "Thẩm định", "Quyết định của Hội đồng", "Số quyết định", "Ngày quyết định" }));
        var row = sheet.Single(r => r.Count > 3 && r[3] == "ag-2");
        Assert.That(row[6..11], Is.EqualTo(new[]
        {
            "Hội đồng thông qua", "Xác nhận đề nghị: Đủ điều kiện.",
            "Hội đồng thông qua (bỏ phiếu kín: 5 đồng ý, 4 không đồng ý), Quyết định số 7/QĐ-HĐ ngày 10/01/2028", "7/QĐ-HĐ", "10/01/2028",
        }));
        Assert.That(sheet.Single(r => r.Count > 3 && r[3] == "ag-1")[6], Is.EqualTo("Chờ thẩm định"));
    }

    private static async Task<ProposalDto> Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProposalDto>(Web))!;
    }
}
