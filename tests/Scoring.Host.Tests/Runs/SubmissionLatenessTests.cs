using System.Net.Http.Json;
using NodaTime;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Runs;

/// <summary>
/// Lateness is judged on the first submission: a report submitted on time and returned by the secretariat after the
/// deadline stays on time when re-submitted, and the run sees the first submission's date. With several movements the
/// report is due by the earliest deadline.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class SubmissionLatenessTests(Backend backend)
{
    private ScoringHostFactory host = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(backend);
        await TestData.SeedAsync(host);
    }

    [TearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public async Task ReturnedAfterTheDeadline_ReSubmitted_KeepsTheFirstSubmissionAndIsNotLate()
    {
        using var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        using var secretariat = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1");
        host.Clock.Now = Instant.FromUtc(2025, 11, 8, 3, 0);   // 08/11 local, before 10/11
        await TestData.Ensure(await unit.PutAsJsonAsync("/api/tenants/son-la/submissions/2025/xa-a", new SubmissionValues(new() { ["staffTrained"] = "5" })));
        var first = await SubmitAsync(unit);

        host.Clock.Now = Instant.FromUtc(2025, 11, 12, 3, 0);   // after the deadline
        var returned = await secretariat.PostAsJsonAsync("/api/tenants/son-la/submissions/2025/xa-a/return", new ReviewComments("Bổ sung minh chứng."));
        await TestData.Ensure(returned);
        using var revise = new HttpRequestMessage(HttpMethod.Put, "/api/tenants/son-la/submissions/2025/xa-a")
        {
            Content = JsonContent.Create(new SubmissionValues(new() { ["staffTrained"] = "6" })),
        };
        revise.Headers.IfMatch.Add(returned.Headers.ETag!);
        await TestData.Ensure(await unit.SendAsync(revise));
        var again = await SubmitAsync(unit);

        Assert.That(first.Late, Is.False);
        Assert.That(again.Late, Is.False, "returned by the secretariat after the deadline is not the unit's lateness");
        Assert.That(again.SubmittedAt, Is.EqualTo(first.SubmittedAt));
        var inputs = await host.WithDbAsync(db => RunInputsBuilder.BuildAsync(db, TestData.Tenant, 2025, [], CancellationToken.None));
        var values = inputs.Units.Single(u => u.Code == "xa-a").Values;
        Assert.That((values["reportSubmittedOn"], values["staffTrained"]), Is.EqualTo(("2025-11-08", "6")), "the first date, the latest values");
    }

    [Test]
    public async Task LateFirstSubmission_StaysLate()
    {
        using var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        host.Clock.Now = Instant.FromUtc(2025, 11, 10, 17, 0);   // 00:00 on 11/11 local
        await TestData.Ensure(await unit.PutAsJsonAsync("/api/tenants/son-la/submissions/2025/xa-a", new SubmissionValues(new() { ["staffTrained"] = "5" })));

        Assert.That((await SubmitAsync(unit)).Late, Is.True);
    }

    [Test]
    public async Task WithTwoMovements_TheReportIsDueByTheEarliestDeadline()
    {
        using var admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PutAsJsonAsync("/api/tenants/son-la", new TenantDto("son-la", "Tỉnh Sơn La",
            [new MovementDto("a-cchc", "Cải cách hành chính", null, "12-15"), new MovementDto("dmst-cds-2025-2030", "Đổi mới sáng tạo", null, "11-10")])));
        using var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        host.Clock.Now = Instant.FromUtc(2025, 11, 20, 3, 0);   // after 10/11, before 15/12
        await TestData.Ensure(await unit.PutAsJsonAsync("/api/tenants/son-la/submissions/2025/xa-a", new SubmissionValues(new() { ["staffTrained"] = "5" })));

        Assert.That((await SubmitAsync(unit)).Late, Is.True, "late for the earlier deadline, though 'a-cchc' sorts first by code");
    }

    private static async Task<SubmissionDto> SubmitAsync(HttpClient unit)
    {
        var response = await unit.PostAsync("/api/tenants/son-la/submissions/2025/xa-a/submit", null);
        await TestData.Ensure(response);
        return (await response.Content.ReadFromJsonAsync<SubmissionDto>())!;
    }
}
