using System.Net.Http.Json;
using NodaTime;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Runs;

/// <summary>A run's <c>reportSubmittedOn</c> is the report's local date in the zone of the movement of the rule set it scores.</summary>
public sealed class RunInputsMovementTests
{
    [Test]
    public async Task ReportSubmittedOn_IsDatedInTheZoneOfTheRuleSetsMovement()
    {
        using var host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
        using var admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PutAsJsonAsync("/api/tenants/son-la", new TenantDto("son-la", "Tỉnh Sơn La",
            [new MovementDto("a-utc", "Phong trào giờ UTC", null, "12-15", "Etc/UTC"), new MovementDto("dmst-cds-2025-2030", "Đổi mới sáng tạo", null, "11-10")])));
        using var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        host.Clock.Now = Instant.FromUtc(2025, 11, 8, 20, 0);   // 03:00 on 09/11 in Asia/Ho_Chi_Minh, still 08/11 in UTC
        await TestData.Ensure(await unit.PutAsJsonAsync("/api/tenants/son-la/submissions/2025/xa-a", new SubmissionValues(new() { ["staffTrained"] = "5" })));
        await TestData.Ensure(await unit.PostAsync("/api/tenants/son-la/submissions/2025/xa-a/submit", null));

        async Task<string> SubmittedOnAsync(string? movement) =>
            (await host.WithDbAsync(db => RunInputsBuilder.BuildAsync(db, TestData.Tenant, 2025, [], movement, CancellationToken.None)))
            .Units.Single(u => u.Code == "xa-a").Values["reportSubmittedOn"];

        Assert.That(await SubmittedOnAsync("dmst-cds-2025-2030"), Is.EqualTo("2025-11-09"));
        Assert.That(await SubmittedOnAsync("a-utc"), Is.EqualTo("2025-11-08"));
        Assert.That(await SubmittedOnAsync("khong-co"), Is.EqualTo("2025-11-08"), "an unknown movement: the tenant's first (by code)");

        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var run = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null))).Content.ReadFromJsonAsync<RunDto>())!;
        var stored = await host.WithDbAsync(db => db.ScoringRuns.FindAsync(run.Id).AsTask());
        var frozen = RunJson.Deserialize<RunInputs>(stored!.InputsJson).Units.Single(u => u.Code == "xa-a");
        Assert.That(frozen.Values["reportSubmittedOn"], Is.EqualTo("2025-11-09"), "an enqueued run uses its rule set's movement (dmst-cds-2025-2030)");
    }
}
