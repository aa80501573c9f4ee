using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.RuleSetExcel;
using Scoring.Host.Tests.Accounts;
using Scoring.Host.Tests.Fixtures;
using Scoring.Rules.Versions;

namespace Scoring.Host.Tests.Workbench;

/// <summary>
/// The workbench's imports and Excel export over HTTP, signed in with a cookie as a browser is: who may import, export and
/// clear an import's report (a maintainer of another tenant, a secretariat and a unit get the 403 page and change nothing);
/// files that are not what they claim, or too large, get a Vietnamese message on the page and write nothing; the download
/// is the template the import reads back to the same rule set.
/// </summary>
[TestFixture]
public sealed class WorkbenchImportTests
{
    private const string Target = TestData.Tenant + "/dmst-cds-2025-2030";
    private const string Draft = "1.1.0";
    private readonly Dictionary<string, string> passwords = [];
    private ScoringHostFactory host = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory();
        await TestData.SeedAsync(host);
        using (var admin = host.ClientFor(Roles.Administrator))
        {
            await TestData.Ensure(await admin.PutAsJsonAsync("/api/tenants/lai-chau",
                new TenantDto("lai-chau", "Tỉnh Lai Châu", [new MovementDto("dmst-cds-2025-2030", "Lai Châu thi đua chuyển đổi số", "KH 36/KH-UBND", "12-01")])));
        }

        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        foreach (var (name, account) in new (string, AccountScope)[]
        {
            ("canbo.son-la", new AccountScope(Roles.RuleMaintainer, TestData.Tenant, null, [])),
            ("canbo.lai-chau", new AccountScope(Roles.RuleMaintainer, "lai-chau", null, [])),
            ("thuky.cum-1", new AccountScope(Roles.Secretariat, TestData.Tenant, null, ["cum-1"])),
            ("donvi.xa-a", new AccountScope(Roles.Unit, TestData.Tenant, "xa-a", [])),
        })
        {
            var created = await accounts.CreateAsync("test", new NewAccount(name, name, account, null, false), CancellationToken.None);
            Assert.That(created.Errors, Is.Empty);
            passwords[name] = created.Password!;
        }

        // A draft with an import report, for the action that clears it.
        var maintainer = new Actor("canbo.son-la", Roles.RuleMaintainer, TestData.Tenant, null, new HashSet<string>());
        var json = JsonNode.Parse(TestData.RuleSetJson(Draft))!;
        var report = new ImportReport("Các dòng chưa đọc được", ["Trang tính", "Dòng", "Nội dung", "Lý do"], [["Bảng chấm điểm", "7", "2 | Diễn tập", "không hiểu"]]);
        var draft = await scope.ServiceProvider.GetRequiredService<RuleSetDrafts>()
            .CreateAsync(TestData.Tenant, [new DraftImport(json.ToJsonString(), report)], maintainer, "excel", CancellationToken.None);
        Assert.That(draft[0].Problem, Is.Null);
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [TestCase("canbo.lai-chau")]
    [TestCase("thuky.cum-1")]
    [TestCase("donvi.xa-a")]
    public async Task EveryImportAndExportAction_IsRefused_AndChangesNothing(string user)
    {
        using var session = await SignedInAsync(user);
        var before = await StateAsync();
        var posts = new (string Action, byte[] File, string Name)[]
        {
            (WorkbenchPaths.Import + "?handler=Excel", ExportOf("1.0.0"), "bang.xlsx"),
            (WorkbenchPaths.Import + "?handler=RulesEngine", Encoding.UTF8.GetBytes(Workflow), "discount.json"),
        };
        foreach (var (action, file, name) in posts)
        {
            var (status, body) = await UploadAsync(session, action, new() { ["Target"] = Target }, file, name);
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), action);
            Assert.That(body, Does.Contain("Không có quyền truy cập (403)"), action);
        }

        var (clear, clearBody, _) = await session.PostFormAsync("/lam-viec", new Dictionary<string, string>(),
            WorkbenchPaths.Editor(TestData.RuleSetId, Draft) + "?handler=ClearReport");
        Assert.That(clear, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(clearBody, Does.Contain("Không có quyền truy cập (403)"));
        foreach (var version in new[] { "1.0.0", Draft })
        {
            using var export = await session.Client.GetAsync(WorkbenchPaths.Excel(TestData.RuleSetId, version));
            Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), version);
            Assert.That(export.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        }

        var (page, _, _) = await session.GetAsync(WorkbenchPaths.Import);
        Assert.That(page, Is.EqualTo(user == "canbo.lai-chau" ? HttpStatusCode.OK : HttpStatusCode.Forbidden), "a maintainer imports into their own tenant only");
        Assert.That(await StateAsync(), Is.EqualTo(before), "no draft, report or audit entry changed");
    }

    [Test]
    public async Task TheImportPage_OffersOnlyTheMaintainersOwnTenant()
    {
        using var session = await SignedInAsync("canbo.lai-chau");
        var (_, body, _) = await session.GetAsync(WorkbenchPaths.Import);
        Assert.That(body, Does.Contain("value=\"lai-chau/dmst-cds-2025-2030\""));
        Assert.That(body, Does.Not.Contain("value=\"son-la/"));
    }

    [TestCase("Excel", "bang.xlsx", "text", "không phải bảng tính .xlsx")]
    [TestCase("Excel", "bang.xlsx", "zip", "tệp nén (.zip) nhưng không phải bảng tính Excel")]
    [TestCase("Excel", "bang.xls", "xls", "Excel 97–2003 (.xls)")]
    [TestCase("Excel", "bang.xlsx", "empty", "rỗng (0 byte)")]
    [TestCase("Excel", "bang.xlsx", "huge", "lớn hơn giới hạn 5 MB")]
    [TestCase("Excel", "bang.xlsx", "no-header", "không có dòng tiêu đề với các cột «STT»")]
    [TestCase("RulesEngine", "wf.json", "broken-json", "không đọc được ở dòng 3")]
    [TestCase("RulesEngine", "wf.json", "not-utf8", "không phải văn bản UTF-8")]
    [TestCase("RulesEngine", "wf.json", "huge", "lớn hơn giới hạn 2 MB")]
    [TestCase("RulesEngine", "wf.json", "no-name", "cần `WorkflowName`")]
    public async Task ABadFile_GetsAVietnameseMessage_AndNothingIsWritten(string handler, string name, string kind, string message)
    {
        using var session = await SignedInAsync("canbo.son-la");
        var before = await StateAsync();
        byte[] file = kind switch
        {
            "text" => Encoding.UTF8.GetBytes("STT;Nội dung tiêu chí;Điểm tối đa\n1;A;2\n"),
            "zip" => Zip(),
            "xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
            "empty" => [],
            "huge" => new byte[(handler == "Excel" ? 5 : 2) * 1024 * 1024 + 1],
            "no-header" => Xlsx.Write(["Tên", "Điểm"], ["A", "1"]),
            "broken-json" => Encoding.UTF8.GetBytes("[\n  { \"WorkflowName\": \"A\",\n    \"Rules\": [ { \"RuleName\": \"R\" \"Expression\": \"input1.x > 1\" } ] } ]"),
            "not-utf8" => [0x5B, 0xFF, 0xFE, 0x00, 0x5D],
            _ => Encoding.UTF8.GetBytes("""[ { "Rules": [ { "RuleName": "R", "SuccessEvent": "1", "Expression": "input1.x > 1" } ] } ]"""),
        };

        var (status, body) = await UploadAsync(session, $"{WorkbenchPaths.Import}?handler={handler}", new() { ["Target"] = Target }, file, name);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var alert = System.Net.WebUtility.HtmlDecode(body);
        Assert.That(alert, Does.Contain(message));
        Assert.That(alert, Does.Contain(handler == "Excel" ? "id=\"loi-excel\"" : "id=\"loi-rulesengine\""));
        Assert.That(await StateAsync(), Is.EqualTo(before), "nothing written");
    }

    [Test]
    public async Task WithoutATenantOrAFile_TheFormSaysWhatIsMissing()
    {
        using var session = await SignedInAsync("canbo.son-la");
        var before = await StateAsync();
        var (_, noTarget) = await UploadAsync(session, WorkbenchPaths.Import + "?handler=Excel", [], ExportOf("1.0.0"), "bang.xlsx");
        Assert.That(System.Net.WebUtility.HtmlDecode(noTarget), Does.Contain("Hãy chọn tỉnh/xã và phong trào"));
        var (_, noFile, _) = await session.PostFormAsync("/lam-viec", new Dictionary<string, string> { ["Target"] = Target }, WorkbenchPaths.Import + "?handler=RulesEngine");
        Assert.That(System.Net.WebUtility.HtmlDecode(noFile), Does.Contain("Hãy chọn tệp .json để tải lên."));
        Assert.That(await StateAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task APublishedVersion_DownloadsAsTheTemplate_ThatImportsBackToTheSameRuleSet()
    {
        using var session = await SignedInAsync("canbo.son-la");
        using var response = await session.Client.GetAsync(WorkbenchPaths.Excel(TestData.RuleSetId, "1.0.0"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ExcelExportModel.ContentType));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName,
            Is.EqualTo($"{TestData.RuleSetId}@1.0.0.xlsx"));
        var import = ScoringTableReader.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.That(import.Unread, Is.Empty);
        var published = await host.WithDbAsync(db => db.RuleSetVersions.Where(v => v.Version == "1.0.0").Select(v => v.Json).SingleAsync());
        Assert.That(CanonicalJson.FromText(import.Json), Is.EqualTo(CanonicalJson.FromText(published)));
    }

    [Test]
    public async Task AnImportedTable_UnderAPublishedVersionNumber_IsRefused_AndTheFormKeepsWhatWasEntered()
    {
        using var session = await SignedInAsync("canbo.son-la");
        var before = await StateAsync();
        var (status, body) = await UploadAsync(session, WorkbenchPaths.Import + "?handler=Excel",
            new() { ["Target"] = Target, ["RuleSetId"] = TestData.RuleSetId, ["Version"] = "1.0.0" }, ExportOf("1.0.0"), "bang.xlsx");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var text = System.Net.WebUtility.HtmlDecode(body);
        Assert.That(text, Does.Contain("Phiên bản 1.0.0 của 'son-la.dmst-cds.ubnd-xa-phuong' đã được công bố"));
        Assert.That(text, Does.Contain($"value=\"{TestData.RuleSetId}\""), "the id entered is still in the form");
        Assert.That(await StateAsync(), Is.EqualTo(before));
    }

    /// <summary>The Discount workflow of RulesEngine's README: two rules compare a string (refused), one reads only numbers.</summary>
    internal const string Workflow = """
        [
          {
            "WorkflowName": "Discount",
            "Rules": [
              {
                "RuleName": "GiveDiscount10",
                "SuccessEvent": "10",
                "ErrorMessage": "One or more adjust rules failed.",
                "ErrorType": "Error",
                "RuleExpressionType": "LambdaExpression",
                "Expression": "input1.country == \"india\" AND input1.loyaltyFactor <= 2 AND input1.totalPurchasesToDate >= 5000"
              },
              {
                "RuleName": "GiveDiscount20",
                "SuccessEvent": "20",
                "ErrorMessage": "One or more adjust rules failed.",
                "ErrorType": "Error",
                "RuleExpressionType": "LambdaExpression",
                "Expression": "input1.country == \"india\" AND input1.loyaltyFactor >= 3 AND input1.totalPurchasesToDate >= 10000"
              },
              {
                "RuleName": "GiveDiscount30",
                "SuccessEvent": "30",
                "ErrorMessage": "One or more adjust rules failed.",
                "ErrorType": "Error",
                "RuleExpressionType": "LambdaExpression",
                "Expression": "input1.loyaltyFactor > 3 AND input1.totalPurchasesToDate >= 50000 AND input1.totalPurchasesToDate <= 100000 AND input2.totalOrders > 5 AND input3.noOfVisitsPerMonth > 15"
              }
            ]
          }
        ]
        """;

    private byte[] ExportOf(string version)
    {
        var json = host.WithDbAsync(db => db.RuleSetVersions.Where(v => v.Version == version).Select(v => v.Json).SingleAsync()).GetAwaiter().GetResult();
        using var file = new MemoryStream();
        ScoringTableWriter.Write((JsonObject)JsonNode.Parse(json)!, file);
        return file.ToArray();
    }

    private static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("ghi-chu.txt").Open());
            writer.Write("Không phải bảng tính.");
        }

        return buffer.ToArray();
    }

    /// <summary>Posts a multipart form with the file as "Upload", with the antiforgery token a signed-in page carries.</summary>
    internal static async Task<(HttpStatusCode Status, string Body)> UploadAsync(FormSession session, string action, Dictionary<string, string> fields, byte[] file, string fileName)
    {
        var (_, html, _) = await session.GetAsync("/lam-viec");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(FormSession.Token(html)), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(file), "Upload", fileName);
        using var response = await session.Client.PostAsync(action, form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<FormSession> SignedInAsync(string user)
    {
        var session = new FormSession(host);
        var (status, _, location) = await session.SignInAsync(user, passwords[user]);
        Assert.That((status, location), Is.EqualTo((HttpStatusCode.Redirect, "/lam-viec")), user);
        return session;
    }

    private Task<string> StateAsync() => host.WithDbAsync(async db =>
        string.Join(" | ", (await db.RuleSetDrafts.OrderBy(d => d.Id).Select(d => d.RuleSetId + "@" + d.Version + "#" + d.Revision + ":" + (d.ImportReport ?? "-")).ToListAsync())
            .Concat(await db.RuleSetVersions.OrderBy(v => v.Id).Select(v => v.Version).ToListAsync())
            .Append((await db.AuditLog.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
