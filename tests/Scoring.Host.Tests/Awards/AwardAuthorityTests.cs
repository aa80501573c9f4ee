using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Awards;

/// <summary>
/// Proposals go to the authority that decides them: a commune (Ia Băng) proposes the provincial chairman's Bằng khen
/// to its province (Gia Lai) and gives its own Giấy khen. The run's list carries each proposal's authority, highest
/// first; the published lists per tenant and authority put the commune's provincial proposal in Gia Lai's list only.
/// Real engine, real databases.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class AwardAuthorityTests(Backend backend)
{
    private const int Year = 2027;

    private const string RuleSet = """
        {
          "format": 1, "id": "ia-bang.thu-tham-quyen", "version": "1.0.0", "title": "Bảng chấm thử thẩm quyền khen thưởng",
          "tenant": "ia-bang", "movement": "dmst-cds-2025-2030", "years": {"from": 2027, "to": 2030}, "unitKinds": ["commune-agency"],
          "indicators": [{"id": "communicationItems", "type": "count", "min": 0, "max": 1000, "title": "Số tin, bài tuyên truyền"}],
          "sections": [{"id": "I", "title": "Tuyên truyền", "maxPoints": 100, "criteria": [
            {"id": "I.1", "title": "Tin, bài (1 điểm/tin)", "clause": "KH 45/KH-UBND xã Ia Băng, mục II.1", "maxPoints": 100, "method": "count", "value": "communicationItems", "pointsEach": 1}]}],
          "grades": [{"id": "tot", "title": "Hoàn thành tốt", "minTotal": 50}, {"id": "khac", "title": "Chưa đạt"}],
          "awards": [
            {"id": "de-nghi-bang-khen-chu-tich-tinh", "title": "Đề nghị Bằng khen của Chủ tịch UBND tỉnh", "precedence": 20, "maxRank": 1, "minTotal": 50,
             "authority": {"level": "provincial-chairman", "tenant": "gia-lai"}},
            {"id": "giay-khen-chu-tich-xa", "title": "Giấy khen của Chủ tịch UBND xã", "precedence": 10, "minTotal": 50,
             "authority": {"level": "commune-chairman"}}
          ],
          "tests": [{"name": "Đơn vị 90 tin", "year": 2027, "values": {"communicationItems": 90}, "expect": {"criteria": {"I.1": 90}, "total": 90, "grade": "tot"}}]
        }
        """;

    [Test]
    public async Task A_communes_proposal_of_a_provincial_form_reaches_the_province_and_its_own_Giay_khen_stays_home()
    {
        var postgres = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        using var host = new ScoringHostFactory(postgres);
        _ = host.Server;
        using var admin = host.ClientFor(Roles.Administrator);
        foreach (var (code, name) in new[] { ("gia-lai", "Tỉnh Gia Lai"), ("ia-bang", "Xã Ia Băng") })
        {
            await TestData.Ensure(await admin.PutAsJsonAsync($"/api/tenants/{code}",
                new TenantDto(code, name, [new MovementDto("dmst-cds-2025-2030", "Phong trào thi đua", "KH", "11-15")])));
        }
        await TestData.Ensure(await admin.PostAsync("/api/tenants/ia-bang/units/import", TestData.Csv(
            "code,name,kind,validFrom,validTo,successor\nag-1,Văn phòng HĐND và UBND xã,commune-agency,,,\nag-2,Trung tâm Phục vụ hành chính công xã,commune-agency,,,\n", "units.csv")));
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/ia-bang/groups/{Year}/import", TestData.Csv(
            "group,groupName,groupKind,unit,role\nkhoi-1,Khối cơ quan xã,bloc,ag-1,head\nkhoi-1,Khối cơ quan xã,bloc,ag-2,member\n", $"groups-{Year}.csv")));
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, "ia-bang");
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", new StringContent(RuleSet, Encoding.UTF8, "application/json")));
        await SubmitAsync(host, "ag-1", 90);
        await SubmitAsync(host, "ag-2", 60);

        var enqueue = await admin.PostAsJsonAsync("/api/tenants/ia-bang/runs", new RunRequest(Year, "ia-bang.thu-tham-quyen", null, null));
        await TestData.Ensure(enqueue);
        var run = await TestData.WaitForRunAsync(admin, (await enqueue.Content.ReadFromJsonAsync<RunDto>())!.Id);
        Assert.That(run.Status, Is.EqualTo("completed"), run.Error);

        var list = (await admin.GetFromJsonAsync<List<JsonElement>>($"/api/runs/{run.Id}/awards"))!;
        Assert.That(list.Select(a => (a.GetProperty("unit").GetString(), a.GetProperty("authority").GetString(), a.GetProperty("authorityTenant").GetString())),
            Is.EqualTo(new[] { ("ag-1", "provincial-chairman", "gia-lai"), ("ag-2", "commune-chairman", "ia-bang") }), "highest authority first");
        Assert.That(list[0].GetProperty("authorityTitle").GetString(), Is.EqualTo("Chủ tịch UBND tỉnh (gia-lai)"));

        using var anonymous = host.CreateClient();
        Assert.That(await ListsAsync(anonymous, "gia-lai"), Is.Empty, "nothing is published yet");
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{run.Id}/publish", null));

        var province = await ListsAsync(anonymous, "gia-lai");
        var commune = await ListsAsync(anonymous, "ia-bang");
        Assert.Multiple(() =>
        {
            Assert.That(province.Select(l => l.Authority), Is.EqualTo(new[] { "provincial-chairman" }));
            Assert.That(province[0].Proposals.Select(p => (p.FromTenant, p.Unit, p.Award)), Is.EqualTo(new[] { ("ia-bang", "ag-1", "de-nghi-bang-khen-chu-tich-tinh") }));
            Assert.That(commune.Select(l => (l.Authority, l.AuthorityTitle)), Is.EqualTo(new[] { ("commune-chairman", "Chủ tịch UBND xã") }));
            Assert.That(commune[0].Proposals.Select(p => p.Unit), Is.EqualTo(new[] { "ag-2" }), "the provincial form left the commune's list");
        });
        Assert.That((await anonymous.GetAsync($"/api/tenants/khong-co/award-proposals/{Year}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<List<AuthorityProposalsDto>> ListsAsync(HttpClient client, string tenant) =>
        (await client.GetFromJsonAsync<List<AuthorityProposalsDto>>($"/api/tenants/{tenant}/award-proposals/{Year}"))!;

    private static async Task SubmitAsync(ScoringHostFactory host, string unit, int items)
    {
        using var client = host.ClientFor(Roles.Unit, "ia-bang", unit);
        var path = $"/api/tenants/ia-bang/submissions/{Year}/{unit}";
        var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = JsonContent.Create(new SubmissionValues(new() { ["communicationItems"] = items.ToString(System.Globalization.CultureInfo.InvariantCulture) })),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        var put = await client.SendAsync(request);
        await TestData.Ensure(put);
        if ((await put.Content.ReadFromJsonAsync<SubmissionDto>())!.Status == "draft")
        {
            await TestData.Ensure(await client.PostAsync(path + "/submit", null));
        }
    }
}
