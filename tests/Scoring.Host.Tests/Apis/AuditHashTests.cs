using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

/// <summary>
/// Audit entries carry information: a write's before hash is the state it changed (the after hash of the previous write
/// of the same resource), and differs from its after hash when something changed.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class AuditHashTests(Backend backend)
{
    private ScoringHostFactory host = null!;
    private HttpClient admin = null!;

    [SetUp]
    public void StartHost()
    {
        host = ApiHost.Start(backend);
        admin = host.ClientFor(Roles.Administrator);
    }

    [TearDown]
    public void StopHost()
    {
        admin.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task PutTenant_HashesTheTenantWithAllItsMovements_OnBothSides()
    {
        var movement = new MovementDto("dmst-cds-2025-2030", "Thi đua đổi mới sáng tạo và chuyển đổi số", null, "11-10");
        await Put(new TenantDto(TestData.Tenant, "Tỉnh Sơn La", [movement]));
        await Put(new TenantDto(TestData.Tenant, "Tỉnh Sơn La (mới)", [movement]));
        // A body without the movement keeps it stored: the state written is still tenant + movement.
        await Put(new TenantDto(TestData.Tenant, "Tỉnh Sơn La", []));

        var audit = await Entries("tenant");

        Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { "tenant.create", "tenant.update", "tenant.update" }));
        AssertChained(audit);
        Assert.That(audit[2].AfterSha256, Is.EqualTo(audit[0].AfterSha256), "the third write restores the first state (movement included)");
    }

    [Test]
    public async Task UnitsImport_HashesTheImportedUnitsBeforeAndAfter()
    {
        await Put(new TenantDto(TestData.Tenant, "Tỉnh Sơn La", []));
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(TestData.UnitsCsv, "units.csv")));
        var renamed = TestData.UnitsCsv.Replace("Xã Mường Bú", "Xã Mường Bú (mới)", StringComparison.Ordinal);
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(renamed, "units.csv")));

        var audit = await Entries("unit");

        Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { "unit.import", "unit.import" }));
        Assert.That(audit[0].BeforeSha256, Is.Not.Null, "no unit existed: the before state is the empty list, not 'unknown'");
        AssertChained(audit);
    }

    [Test]
    public async Task GroupsImport_HashesTheReplacedGroupsBeforeAndAfter()
    {
        await Put(new TenantDto(TestData.Tenant, "Tỉnh Sơn La", []));
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(TestData.UnitsCsv, "units.csv")));
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/groups/2025/import", TestData.Csv(TestData.GroupsCsv, "groups.csv")));
        var roles = TestData.GroupsCsv.Replace("xa-b,member", "xa-b,deputy", StringComparison.Ordinal);
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/groups/2025/import", TestData.Csv(roles, "groups.csv")));

        var audit = await Entries("group");

        Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { "group.import", "group.import" }));
        AssertChained(audit);
    }

    [Test]
    public async Task AttachEvidence_HashesTheEvidenceListBeforeAndAfter()
    {
        await TestData.SeedAsync(host);
        using var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        const string path = "/api/tenants/son-la/submissions/2025/xa-a";
        await TestData.Ensure(await unit.PutAsJsonAsync(path, new SubmissionValues(new() { ["staffTrained"] = "12" })));
        await TestData.Ensure(await unit.PostAsync(path + "/evidence", TestData.Upload("%PDF-1.4 kế hoạch"u8.ToArray(), "ke-hoach.pdf", "application/pdf")));
        await TestData.Ensure(await unit.PostAsync(path + "/evidence", TestData.Upload("%PDF-1.4 báo cáo"u8.ToArray(), "bao-cao.pdf", "application/pdf")));

        var audit = (await Entries("submission")).Where(a => a.Action == "evidence.attach").ToList();

        Assert.That(audit, Has.Count.EqualTo(2));
        Assert.That(audit[0].BeforeSha256, Is.Not.Null, "no evidence yet: the before state is the empty list");
        AssertChained(audit);
    }

    /// <summary>Each entry changed something, and each starts from the state the previous one left.</summary>
    private static void AssertChained(List<AuditEntry> audit)
    {
        for (var i = 0; i < audit.Count; i++)
        {
            Assert.That(audit[i].BeforeSha256, Is.Not.EqualTo(audit[i].AfterSha256), $"entry {i} ({audit[i].Action}) changed something");
            if (i > 0)
            {
                Assert.That(audit[i].BeforeSha256, Is.EqualTo(audit[i - 1].AfterSha256), $"entry {i} starts where entry {i - 1} left off");
            }
        }
    }

    private async Task Put(TenantDto tenant) => await TestData.Ensure(await admin.PutAsJsonAsync($"/api/tenants/{tenant.Code}", tenant));

    private Task<List<AuditEntry>> Entries(string entity) =>
        host.WithDbAsync(db => db.AuditLog.Where(a => a.Entity == entity).OrderBy(a => a.Id).ToListAsync());
}
