using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Imports;

namespace Scoring.Host.Tests.Apis;

[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class UnitsAndGroupsApiTests(Backend backend)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private ScoringHostFactory host = null!;
    private HttpClient admin = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(backend);
        admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}", new TenantDto(TestData.Tenant, "Tỉnh Sơn La", [])));
    }

    [TearDown]
    public void StopHost()
    {
        admin.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task ImportCsv_AllRowsValid_WritesEveryUnitWithDatesAndSuccessor()
    {
        var response = await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(TestData.UnitsCsv, "units.csv"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var units = await host.CreateClient().GetFromJsonAsync<List<UnitDto>>($"/api/tenants/{TestData.Tenant}/units");
        Assert.That(units!.Select(u => u.Code), Is.EqualTo(new[] { "xa-a", "xa-b", "xa-c", "xa-d" }));
        Assert.That(units![2].Name, Is.EqualTo("Phường Tô Hiệu, TP Sơn La"));
        Assert.That(units![3], Is.EqualTo(new UnitDto("xa-d", "Xã Cũ", "locality", "2020-01-01", "2025-06-30", "xa-c")));
    }

    [Test]
    public async Task ImportCsv_OneBadRow_WritesNothingAndNamesRowAndColumn()
    {
        var csv = TestData.UnitsCsv + "xa-e,Xã E,village,,,\n";

        var response = await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(csv, "units.csv"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("row").GetInt32(), Is.EqualTo(6));
        Assert.That(problem.GetProperty("column").GetString(), Is.EqualTo("kind"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Dòng 6").And.Contain("village"));
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ImportXlsx_BadDate_NamesTheCellAndWritesNothing()
    {
        var xlsx = Xlsx.Write(
            ["code", "name", "kind", "validFrom", "validTo", "successor"],
            ["xa-a", "Xã Chiềng Cơi", "locality", "2025-07-01", "", ""],
            ["xa-b", "Xã Mường Bú", "locality", "01/07/2025", "", ""]);

        var response = await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Upload(xlsx, "units.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("row").GetInt32(), Is.EqualTo(3));
        Assert.That(problem.GetProperty("column").GetString(), Is.EqualTo("validFrom"));
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ImportXlsx_Valid_WritesVietnameseNames()
    {
        var xlsx = Xlsx.Write(["code", "name", "kind"], ["so-tt", "Sở Thông tin và Truyền thông", "department"]);

        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Upload(xlsx, "units.xlsx", "application/octet-stream")));

        var unit = await host.CreateClient().GetFromJsonAsync<UnitDto>($"/api/tenants/{TestData.Tenant}/units/so-tt");
        Assert.That(unit!.Name, Is.EqualTo("Sở Thông tin và Truyền thông"));
    }

    [Test]
    public async Task ImportXlsx_DateCellsAndSharedStrings_StoreIsoDates()
    {
        var xlsx = ExcelWorkbook.Write(
        [
            ["code", "name", "kind", "validFrom", "validTo", "successor"],
            ["xa-c", "Phường Tô Hiệu, TP Sơn La", "locality", new ExcelDate(45839), null, null],
            ["xa-d", "Xã Cũ", "locality", new ExcelDate(43831, ExcelWorkbook.CustomDateStyle), new ExcelDate(45838), "xa-c"],
        ]);

        var response = await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Upload(xlsx, "don-vi.xlsx", XlsxType));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var units = await host.CreateClient().GetFromJsonAsync<List<UnitDto>>($"/api/tenants/{TestData.Tenant}/units");
        Assert.That(units, Is.EqualTo(new[]
        {
            new UnitDto("xa-c", "Phường Tô Hiệu, TP Sơn La", "locality", "2025-07-01", null, null),
            new UnitDto("xa-d", "Xã Cũ", "locality", "2020-01-01", "2025-06-30", "xa-c"),
        }));
    }

    [Test]
    public async Task ImportXlsx_PlainNumberInADateColumn_SaysToFormatTheCellAsADate()
    {
        var xlsx = ExcelWorkbook.Write([["code", "name", "kind", "validFrom"], ["xa-c", "Phường Tô Hiệu", "locality", 45839d]]);

        var response = await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Upload(xlsx, "don-vi.xlsx", XlsxType));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()), Is.EqualTo((2, "validFrom")));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("45839").And.Contain("định dạng ô là ngày"));
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Crud_CreateUpdateDelete_IsAuditedWithBeforeAndAfterHashes()
    {
        await TestData.Ensure(await admin.PostAsJsonAsync($"/api/tenants/{TestData.Tenant}/units", new UnitDto("xa-y", "Xã Y", "locality", null, null, null)));
        var created = await admin.PostAsJsonAsync($"/api/tenants/{TestData.Tenant}/units", new UnitDto("xa-z", "Xã Z", "locality", null, null, null));
        var duplicate = await admin.PostAsJsonAsync($"/api/tenants/{TestData.Tenant}/units", new UnitDto("xa-z", "Xã Z", "locality", null, null, null));
        var updated = await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/units/xa-z", new UnitDto("xa-z", "Xã Zeta", "locality", null, "2025-06-30", "xa-y"));
        var deleted = await admin.DeleteAsync($"/api/tenants/{TestData.Tenant}/units/xa-z");

        Assert.That(new[] { created.StatusCode, duplicate.StatusCode, updated.StatusCode, deleted.StatusCode },
            Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.OK, HttpStatusCode.NoContent }));
        var audit = await host.WithDbAsync(db => db.AuditLog.Where(a => a.Entity == "unit" && a.EntityKey == "son-la/xa-z").OrderBy(a => a.Id).ToListAsync());
        Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { "unit.create", "unit.update", "unit.delete" }));
        Assert.That(audit[0].BeforeSha256, Is.Null);
        Assert.That(audit[1].BeforeSha256, Is.Not.Null.And.Not.EqualTo(audit[1].AfterSha256));
        Assert.That(audit[2].AfterSha256, Is.Null);
        Assert.That(audit[2].BeforeSha256, Is.EqualTo(audit[1].AfterSha256), "the state deleted is the state the update left");
        Assert.That(audit.All(a => a.Actor.Contains("administrator", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task GroupsImport_UnknownUnit_NamesRowAndColumnAndWritesNothing_AndValidImportBuildsMembersWithRoles()
    {
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(TestData.UnitsCsv, "units.csv")));

        var bad = await admin.PostAsync($"/api/tenants/{TestData.Tenant}/groups/2025/import",
            TestData.Csv(TestData.GroupsCsv + "cum-3,Cụm 3,cluster,xa-khong-co,member\n", "groups.csv"));

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("row").GetInt32(), Is.EqualTo(6));
        Assert.That(problem.GetProperty("column").GetString(), Is.EqualTo("unit"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("xa-khong-co"));
        Assert.That(await host.WithDbAsync(db => db.Groups.CountAsync()), Is.Zero, "the four good rows before the bad one are not written");
        Assert.That(await host.WithDbAsync(db => db.GroupMembers.CountAsync()), Is.Zero);

        var good = await admin.PostAsync($"/api/tenants/{TestData.Tenant}/groups/2025/import", TestData.Csv(TestData.GroupsCsv, "groups.csv"));

        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var groups = await host.CreateClient().GetFromJsonAsync<List<GroupDto>>($"/api/tenants/{TestData.Tenant}/groups/2025");
        Assert.That(groups!.Select(g => g.Code), Is.EqualTo(new[] { "cum-1", "cum-2" }));
        Assert.That(groups![0].Members, Is.EqualTo(new[] { new GroupMemberDto("xa-a", "head"), new GroupMemberDto("xa-b", "member") }));
    }

    [Test]
    public async Task PutGroup_UnitAlreadyInAnotherGroupOfTheYear_Is409NamingUnitAndGroup_AnotherYearIsFine()
    {
        await SeedUnitsAndGroupsAsync();

        var clash = await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/groups/2025/cum-3",
            new GroupDto("cum-3", "Cụm 3", "cluster", 2025, [new GroupMemberDto("xa-b", "head")]));
        var nextYear = await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/groups/2026/cum-3",
            new GroupDto("cum-3", "Cụm 3", "cluster", 2026, [new GroupMemberDto("xa-b", "head")]));
        var sameGroup = await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/groups/2025/cum-1",
            new GroupDto("cum-1", "Cụm thi đua số 1", "cluster", 2025, [new GroupMemberDto("xa-b", "head")]));

        Assert.That(clash.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var detail = (await clash.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.That(detail, Does.Contain("'xa-b'").And.Contain("'cum-1'").And.Contain("2025"));
        Assert.That((await host.CreateClient().GetAsync($"/api/tenants/{TestData.Tenant}/groups/2025/cum-3")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(nextYear.StatusCode, Is.EqualTo(HttpStatusCode.Created), "membership is per year");
        Assert.That(sameGroup.StatusCode, Is.EqualTo(HttpStatusCode.OK), "replacing the unit's own group is no clash");
    }

    [Test]
    public async Task PutGroup_TwoGroupsRacingForOneUnit_OneWinsAndTheOtherIs409()
    {
        HttpClient? competitorClient = null;
        HttpResponseMessage? competitorAnswer = null;
        // The competitor puts the unit in another group while this request is between its check and its write; the
        // write lock makes it wait and then see the unit taken. Without the lock both requests would succeed.
        var competing = new CompetingWrite<GroupMember>(async () =>
            competitorAnswer = await competitorClient!.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/groups/2025/cum-4",
                new GroupDto("cum-4", "Cụm 4", "cluster", 2025, [new GroupMemberDto("xa-c", "head")])), TimeSpan.FromSeconds(3));
        var postgres = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        using var racing = new ScoringHostFactory(postgres, services: s => s.ConfigureDbContext<ScoringDbContext>(o => o.AddInterceptors(competing)));
        using var racingAdmin = racing.ClientFor(Roles.Administrator);
        competitorClient = racing.ClientFor(Roles.Administrator);
        await TestData.Ensure(await racingAdmin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}", new TenantDto(TestData.Tenant, "Tỉnh Sơn La", [])));
        await TestData.Ensure(await racingAdmin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(TestData.UnitsCsv, "units.csv")));

        var first = await racingAdmin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/groups/2025/cum-3",
            new GroupDto("cum-3", "Cụm 3", "cluster", 2025, [new GroupMemberDto("xa-c", "head")]));
        await competing.Competitor;

        Assert.That(competing.Fired, Is.True, "the competitor ran while the first request was between its check and its write");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(competitorAnswer!.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await competitorAnswer.Content.ReadAsStringAsync());
        Assert.That((await competitorAnswer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("'xa-c'").And.Contain("'cum-3'"));
        var groups = await racing.WithDbAsync(db => db.Groups.Where(g => g.Members.Any(m => m.UnitCode == "xa-c")).Select(g => g.Code).ToListAsync());
        Assert.That(groups, Is.EqualTo(new[] { "cum-3" }));
        competitorClient.Dispose();
    }

    [Test]
    public async Task PutGroup_SameUnitTwice_Is400()
    {
        await SeedUnitsAndGroupsAsync();

        var response = await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/groups/2025/cum-1",
            new GroupDto("cum-1", "Cụm 1", "cluster", 2025, [new GroupMemberDto("xa-a", "head"), new GroupMemberDto("xa-a", "member")]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("xa-a"));
    }

    [Test]
    public async Task GroupsImport_UnitInAGroupTheFileDoesNotName_Is422WithRowAndColumn_AndWritesNothing()
    {
        await SeedUnitsAndGroupsAsync();
        var csv = "group,groupName,groupKind,unit,role\n" +
            "cum-3,Cụm thi đua số 3,cluster,xa-c,head\n" +
            "cum-3,Cụm thi đua số 3,cluster,xa-b,member\n";

        var response = await admin.PostAsync($"/api/tenants/{TestData.Tenant}/groups/2025/import", TestData.Csv(csv, "groups.csv"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("row").GetInt32(), Is.EqualTo(2));
        Assert.That(problem.GetProperty("column").GetString(), Is.EqualTo("unit"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'xa-c'").And.Contain("'cum-2'"));
        var groups = await host.CreateClient().GetFromJsonAsync<List<GroupDto>>($"/api/tenants/{TestData.Tenant}/groups/2025");
        Assert.That(groups!.Select(g => g.Code), Is.EqualTo(new[] { "cum-1", "cum-2" }));
        Assert.That(groups![1].Members.Select(m => m.Unit), Is.EqualTo(new[] { "xa-c", "xa-d" }));
    }

    [Test]
    public async Task GroupsImport_MovingAUnitBetweenGroupsTheFileNames_IsAccepted()
    {
        await SeedUnitsAndGroupsAsync();
        var csv = "group,groupName,groupKind,unit,role\n" +
            "cum-1,Cụm thi đua số 1,cluster,xa-a,head\n" +
            "cum-2,Cụm thi đua số 2,cluster,xa-b,member\n" +
            "cum-2,Cụm thi đua số 2,cluster,xa-c,head\n" +
            "cum-2,Cụm thi đua số 2,cluster,xa-d,member\n";

        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/groups/2025/import", TestData.Csv(csv, "groups.csv")));

        var groups = await host.CreateClient().GetFromJsonAsync<List<GroupDto>>($"/api/tenants/{TestData.Tenant}/groups/2025");
        Assert.That(groups![0].Members.Select(m => m.Unit), Is.EqualTo(new[] { "xa-a" }));
        Assert.That(groups![1].Members.Select(m => m.Unit), Is.EqualTo(new[] { "xa-b", "xa-c", "xa-d" }));
    }

    [Test]
    public async Task PutGroup_ReplacesMembers_UnknownUnitIs400_DeleteThenGetIs404()
    {
        await SeedUnitsAndGroupsAsync();
        var path = $"/api/tenants/{TestData.Tenant}/groups/2025/cum-1";

        var replaced = await admin.PutAsJsonAsync(path, new GroupDto("cum-1", "Cụm số 1 (mới)", "bloc", 2025, [new GroupMemberDto("xa-b", "deputy")]));
        var unknown = await admin.PutAsJsonAsync(path, new GroupDto("cum-1", "Cụm 1", "cluster", 2025, [new GroupMemberDto("xa-khong-co", "member")]));
        var afterUnknown = await host.CreateClient().GetFromJsonAsync<GroupDto>(path);
        var deleted = await admin.DeleteAsync(path);
        var afterDelete = await host.CreateClient().GetAsync(path);

        Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterUnknown?.Code, Is.EqualTo("cum-1"), "the refused PUT left the replaced group in place");
        Assert.That((afterUnknown!.Name, afterUnknown.Kind), Is.EqualTo(("Cụm số 1 (mới)", "bloc")));
        Assert.That(afterUnknown.Members, Is.EqualTo(new[] { new GroupMemberDto("xa-b", "deputy") }), "xa-a was dropped, xa-b's role changed");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("xa-khong-co"));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(afterDelete.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await host.WithDbAsync(db => db.GroupMembers.Select(m => m.UnitCode).OrderBy(u => u).ToListAsync()), Is.EqualTo(new[] { "xa-c", "xa-d" }),
            "the deleted group's memberships are gone with it");
    }

    [Test]
    public async Task DeleteUnit_StillInAGroup_Is409NamingTheGroups_AfterLeavingItIsDeleted()
    {
        await SeedUnitsAndGroupsAsync();
        await TestData.Ensure(await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/groups/2026/cum-9",
            new GroupDto("cum-9", "Cụm 9", "cluster", 2026, [new GroupMemberDto("xa-a", "member")])));
        var path = $"/api/tenants/{TestData.Tenant}/units/xa-a";

        var refused = await admin.DeleteAsync(path);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            Does.Contain("'xa-a'").And.Contain("'cum-1' năm 2025").And.Contain("'cum-9' năm 2026"));
        Assert.That((await host.CreateClient().GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await host.WithDbAsync(db => db.GroupMembers.CountAsync(m => m.UnitCode == "xa-a")), Is.EqualTo(2));

        await TestData.Ensure(await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/groups/2025/cum-1",
            new GroupDto("cum-1", "Cụm thi đua số 1", "cluster", 2025, [new GroupMemberDto("xa-b", "head")])));
        await TestData.Ensure(await admin.DeleteAsync($"/api/tenants/{TestData.Tenant}/groups/2026/cum-9"));
        var deleted = await admin.DeleteAsync(path);

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await host.CreateClient().GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task CreateOrUpdateUnit_UnknownSuccessor_Is400NamingIt_AndChangesNothing()
    {
        await SeedUnitsAndGroupsAsync();

        var created = await admin.PostAsJsonAsync($"/api/tenants/{TestData.Tenant}/units", new UnitDto("xa-e", "Xã E", "locality", null, null, "xa-khong-co"));
        var updated = await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/units/xa-b", new UnitDto("xa-b", "Xã Mường Bú", "locality", null, "2025-12-31", "xa-khong-co"));
        var itself = await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/units/xa-b", new UnitDto("xa-b", "Xã Mường Bú", "locality", null, "2025-12-31", "xa-b"));
        var known = await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}/units/xa-b", new UnitDto("xa-b", "Xã Mường Bú", "locality", null, "2025-12-31", "xa-a"));

        Assert.That(new[] { created.StatusCode, updated.StatusCode, itself.StatusCode, known.StatusCode },
            Is.EqualTo(new[] { HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK }));
        Assert.That(await created.Content.ReadAsStringAsync(), Does.Contain("xa-khong-co"));
        Assert.That(await updated.Content.ReadAsStringAsync(), Does.Contain("xa-khong-co"));
        Assert.That((await host.CreateClient().GetAsync($"/api/tenants/{TestData.Tenant}/units/xa-e")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ImportUnits_UnknownSuccessor_Is422WithRowAndColumn_ASuccessorLaterInTheFileIsFine()
    {
        var bad = TestData.UnitsCsv + "xa-e,Xã E,locality,2020-01-01,2025-06-30,xa-khong-co\n";
        var forward = "code,name,kind,validFrom,validTo,successor\nxa-old,Xã Cũ,locality,,2025-06-30,xa-new\nxa-new,Xã Mới,locality,2025-07-01,,\n";

        var refused = await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(bad, "units.csv"));
        var unitsAfterRefusal = await host.WithDbAsync(db => db.Units.CountAsync());
        var accepted = await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(forward, "units.csv"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()), Is.EqualTo((6, "successor")));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("xa-khong-co"));
        Assert.That(unitsAfterRefusal, Is.Zero);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task SeedUnitsAndGroupsAsync()
    {
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/units/import", TestData.Csv(TestData.UnitsCsv, "units.csv")));
        await TestData.Ensure(await admin.PostAsync($"/api/tenants/{TestData.Tenant}/groups/2025/import", TestData.Csv(TestData.GroupsCsv, "groups.csv")));
    }
}
