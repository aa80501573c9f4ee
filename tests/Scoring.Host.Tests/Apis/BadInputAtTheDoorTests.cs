using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

/// <summary>
/// Issue 9: imports and group writes refuse bad input where it enters, with the row and column (or the field), and
/// write nothing: rows of the wrong width, bytes that are not UTF-8, an authoritative value out of its indicator's range,
/// a group whose kind changes between rows, a group without members.
/// </summary>
public sealed class BadInputAtTheDoorTests
{
    private const string Units = "/api/tenants/son-la/units/import";
    private ScoringHostFactory host = null!;
    private HttpClient admin = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
        admin = host.ClientFor(Roles.Administrator, TestData.Tenant);
    }

    [TearDown]
    public void StopHost()
    {
        admin.Dispose();
        host.Dispose();
    }

    [TestCase("code,name,kind,validFrom,validTo,successor\nxa-e,Xã E,locality,,,\nxa-f,Xã F,locality\n", 3, "validFrom", "thiếu giá trị từ cột 'validFrom'")]
    [TestCase("code,name,kind,validFrom,validTo,successor\nxa-e,Xã E,locality,,,\nxa-f,Xã F, huyện G,locality,,,\n", 3, "cột 7", "dòng có 7 trường nhưng dòng tiêu đề có 6 cột")]
    public async Task ACsvRowOfTheWrongWidth_Is422WithRowAndColumn_AndWritesNothing(string csv, int row, string column, string says)
    {
        var before = await host.WithDbAsync(db => db.Units.CountAsync());

        var response = await admin.PostAsync(Units, TestData.Csv(csv, "units.csv"));

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        Assert.That((problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()), Is.EqualTo((row, column)));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(says));
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync()), Is.EqualTo(before), "the good row before it is not written either");
    }

    [Test]
    public async Task ACsvThatIsNotUtf8_Is422WithTheLine_AndWritesNothing()
    {
        byte[] csv = [.. "code,name,kind,validFrom,validTo,successor\nxa-e,X"u8, 0xE3, .. " E,locality,,,\n"u8];
        var before = await host.WithDbAsync(db => db.Units.CountAsync());

        var response = await admin.PostAsync(Units, TestData.Upload(csv, "units.csv", "text/csv"));

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("row").GetInt32(), Is.EqualTo(2));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("không phải văn bản UTF-8").And.Contain("dòng 2"));
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync(u => u.Name.Contains('\uFFFD'))), Is.Zero);
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task AnAuthoritativeDtiOutOfRange_Is422WithRowAndColumn()
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);

        var response = await maintainer.PostAsync("/api/tenants/son-la/imports/dti/2025", TestData.Csv("unit,dti\nxa-a,0.61\nxa-b,1.5\n", "dti.csv"));

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        Assert.That((problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()), Is.EqualTo((3, "dti")));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("nằm ngoài khoảng cho phép").And.Contain("từ 0 đến 1"));
        Assert.That(await host.WithDbAsync(db => db.AuthoritativeValues.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AGroupWhoseKindDiffersBetweenRows_Is422()
    {
        const string csv = "group,groupName,groupKind,unit,role\ncum-9,Cụm 9,cluster,xa-a,head\ncum-9,Cụm 9,bloc,xa-b,member\n";

        var response = await admin.PostAsync("/api/tenants/son-la/groups/2026/import", TestData.Csv(csv, "groups-2026.csv"));

        var problem = await Problem(response, HttpStatusCode.UnprocessableEntity);
        Assert.That((problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()), Is.EqualTo((3, "groupKind")));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("ở dòng 2 là 'cluster'"));
        Assert.That(await host.WithDbAsync(db => db.Groups.CountAsync(g => g.Year == 2026)), Is.Zero);
    }

    [TestCase("""{"code":"cum-9","name":"Cụm 9","kind":"cluster","year":2026,"members":[]}""", "rỗng")]
    [TestCase("""{"code":"cum-9","name":"Cụm 9","kind":"cluster","year":2026}""", "bị thiếu hoặc null")]
    [TestCase("""{"code":"cum-9","name":"Cụm 9","kind":"cluster","year":2026,"members":null}""", "bị thiếu hoặc null")]
    [TestCase("""{"code":"cum-9","name":"Cụm 9","kind":"cluster","year":2026,"members":[null]}""", "`members[0]`")]
    [TestCase("""{"code":"cum-9","name":"Cụm 9","kind":"cluster","year":2026,"members":[{"role":"head"}]}""", "`members[0]`")]
    public async Task AGroupWithoutMembers_Is400WithAVietnameseReason(string body, string says)
    {
        var response = await admin.PutAsync("/api/tenants/son-la/groups/2026/cum-9", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(says));
        Assert.That(await host.WithDbAsync(db => db.Groups.CountAsync(g => g.Year == 2026)), Is.Zero);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
