using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Council;

/// <summary>
/// A small tenant whose run proposes three awards, two of them tied at a quota's cut: bloc khoi-1 of ag-1 (90 points),
/// ag-2 and ag-3 (60 each). "Bằng khen" goes to the best one (ag-1); "Giấy khen", one per bloc, ties ag-2 and ag-3 at its
/// cut, so both are proposed with <c>tieAtCut</c>. Real engine, real database (SQLite or PostgreSQL).
/// </summary>
internal sealed class CouncilWorld : IDisposable
{
    public const string Tenant = "xa-thu";
    public const int Year = 2027;
    public const string RuleSetId = "xa-thu.hoi-dong";

    private const string RuleSet = """
        {
          "format": 1, "id": "xa-thu.hoi-dong", "version": "1.0.0", "title": "Bảng chấm thử thẩm định và Hội đồng",
          "tenant": "xa-thu", "movement": "dmst-cds-2025-2030", "years": {"from": 2027, "to": 2030}, "unitKinds": ["commune-agency"],
          "indicators": [{"id": "communicationItems", "type": "count", "min": 0, "max": 1000, "title": "Số tin, bài tuyên truyền"}],
          "sections": [{"id": "I", "title": "Tuyên truyền", "maxPoints": 100, "criteria": [
            {"id": "I.1", "title": "Tin, bài (1 điểm/tin)", "clause": "KH thử, mục II.1", "maxPoints": 100, "method": "count", "value": "communicationItems", "pointsEach": 1}]}],
          "grades": [{"id": "tot", "title": "Hoàn thành tốt", "minTotal": 50}, {"id": "khac", "title": "Chưa đạt"}],
          "awards": [
            {"id": "bang-khen", "title": "Bằng khen của Chủ tịch UBND tỉnh", "precedence": 20, "maxRank": 1, "minTotal": 50},
            {"id": "giay-khen", "title": "Giấy khen của Chủ tịch UBND xã", "precedence": 10, "minTotal": 50, "quota": {"perGroup": 1}}
          ],
          "tests": [{"name": "Đơn vị 90 tin", "year": 2027, "values": {"communicationItems": 90}, "expect": {"criteria": {"I.1": 90}, "total": 90, "grade": "tot"}}]
        }
        """;

    private CouncilWorld(ScoringHostFactory host, bool ownsHost)
    {
        Host = host;
        this.ownsHost = ownsHost;
    }

    private readonly bool ownsHost;

    public ScoringHostFactory Host { get; }

    public long Run { get; private set; }

    /// <summary>The proposals of the run by unit: ag-1 (Bằng khen), ag-2 and ag-3 (Giấy khen, tied at the cut).</summary>
    public IReadOnlyDictionary<string, long> Proposals { get; private set; } = new Dictionary<string, long>();

    public static async Task<CouncilWorld> StartAsync(Backend backend, bool councilStep)
    {
        var world = new CouncilWorld(new ScoringHostFactory(backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null), ownsHost: true);
        _ = world.Host.Server;
        await world.SeedAsync(councilStep);
        return world;
    }

    /// <summary>The same world on a host someone else started and disposes (a browser test's Kestrel host).</summary>
    public static async Task<CouncilWorld> SeedAsync(ScoringHostFactory host, bool councilStep)
    {
        var world = new CouncilWorld(host, ownsHost: false);
        await world.SeedAsync(councilStep);
        return world;
    }

    public HttpClient Admin() => Host.ClientFor(Roles.Administrator);

    public HttpClient Appraiser(string tenant = Tenant) => Host.ClientFor(Roles.Appraiser, tenant);

    public void Dispose()
    {
        if (ownsHost)
        {
            Host.Dispose();
        }
    }

    private async Task SeedAsync(bool councilStep)
    {
        using var admin = Admin();
        await TestData.Ensure(await admin.PutAsJsonAsync($"/api/tenants/{Tenant}",
            new TenantDto(Tenant, "Xã Thử", [new MovementDto("dmst-cds-2025-2030", "Phong trào thi đua", "KH thử", "11-15", CouncilStep: councilStep)])));
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{Tenant}/units/import", TestData.Csv(
            "code,name,kind,validFrom,validTo,successor\nag-1,Văn phòng HĐND và UBND xã,commune-agency,,,\nag-2,Trung tâm Phục vụ hành chính công xã,commune-agency,,,\nag-3,Phòng Kinh tế xã,commune-agency,,,\n", "units.csv")));
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{Tenant}/groups/{Year}/import", TestData.Csv(
            "group,groupName,groupKind,unit,role\nkhoi-1,Khối cơ quan xã,bloc,ag-1,head\nkhoi-1,Khối cơ quan xã,bloc,ag-2,member\nkhoi-1,Khối cơ quan xã,bloc,ag-3,member\n", $"groups-{Year}.csv")));
        using var maintainer = Host.ClientFor(Roles.RuleMaintainer, Tenant);
        await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", new StringContent(RuleSet, Encoding.UTF8, "application/json")));
        foreach (var (unit, items) in new[] { ("ag-1", 90), ("ag-2", 60), ("ag-3", 60) })
        {
            await SubmitAsync(unit, items);
        }

        var enqueue = await admin.PostAsJsonAsync($"/api/tenants/{Tenant}/runs", new RunRequest(Year, RuleSetId, null, null));
        await TestData.Ensure(enqueue);
        var run = await TestData.WaitForRunAsync(admin, (await enqueue.Content.ReadFromJsonAsync<RunDto>())!.Id);
        Assert.That(run.Status, Is.EqualTo("completed"), run.Error);
        Run = run.Id;
        var awards = (await admin.GetFromJsonAsync<List<JsonElement>>($"/api/runs/{Run}/awards"))!;
        Proposals = awards.ToDictionary(a => a.GetProperty("unit").GetString()!, a => a.GetProperty("id").GetInt64());
        Assert.That(awards.Select(a => (a.GetProperty("unit").GetString(), a.GetProperty("award").GetString(), a.GetProperty("tieAtCut").GetBoolean())),
            Is.EquivalentTo(new[] { ("ag-1", "bang-khen", false), ("ag-2", "giay-khen", true), ("ag-3", "giay-khen", true) }), "the world's proposals");
        // Decisions are dated after the scoring year.
        Host.Clock.Now = NodaTime.Instant.FromUtc(2028, 1, 20, 2, 0);
    }

    private async Task SubmitAsync(string unit, int items)
    {
        using var client = Host.ClientFor(Roles.Unit, Tenant, unit);
        var path = $"/api/tenants/{Tenant}/submissions/{Year}/{unit}";
        using var request = new HttpRequestMessage(HttpMethod.Put, path)
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
