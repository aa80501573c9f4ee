using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Limits;
using Scoring.Host.Tests.Accounts;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Door;

/// <summary>
/// Issue 9, defect 2 for pages: every page's form post has a body limit for its kind (docs/ui.md, "Request body limits"),
/// not Kestrel's 30 MB default, and a post over it is answered 413 with a Vietnamese page that states the limit, before
/// anything is read or written: sign-in, the unit's report and its evidence upload, the console's imports.
/// </summary>
[NonParallelizable]
public sealed class PageBodyLimitTests
{
    private const string Report = "/don-vi/son-la/xa-a/2025";
    private ScoringHostFactory host = null!;
    private readonly Dictionary<string, string> passwords = [];

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory(settings: new Dictionary<string, string?> { ["Submissions:MaxEvidenceBytes"] = "2048" });
        await TestData.SeedAsync(host);
        passwords["gh.donvi"] = await CreateAsync("gh.donvi", new AccountScope(Roles.Unit, TestData.Tenant, "xa-a", []));
        passwords["gh.quantri"] = await CreateAsync("gh.quantri", new AccountScope(Roles.Administrator, null, null, []));
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public void EveryPage_HasTheLimitOfItsKindOfForm()
    {
        var pages = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<PageActionDescriptor>().Any())
            .ToDictionary(e => e.Metadata.OfType<PageActionDescriptor>().First().ViewEnginePath, e => e.Metadata.GetMetadata<PageBodyLimit>());

        Assert.That(pages.Where(p => p.Value is null).Select(p => p.Key), Is.Empty, "pages without a body limit");
        Assert.That(pages.Keys, Has.Count.GreaterThan(30));
        Assert.That(pages["/Accounts/SignIn"]!.Form.Bytes, Is.EqualTo(64 * 1024));
        Assert.That(pages["/Secretariat/Board"]!.Form.Bytes, Is.EqualTo(64 * 1024));
        Assert.That(pages["/AdminConsole/NewAccount"]!.Form.Bytes, Is.EqualTo(64 * 1024));
        Assert.That(pages["/UnitWorkspace/Report"]!.Form.Bytes, Is.EqualTo(64 * 1024));
        Assert.That(pages["/UnitWorkspace/Report"]!.Handlers["evidence"].Bytes, Is.EqualTo(2048 + (64 * 1024)), "from Submissions:MaxEvidenceBytes, any case of the handler's name");
        Assert.That(pages["/AdminConsole/Imports"]!.Form.Bytes, Is.EqualTo((20 * 1024 * 1024) + (64 * 1024)));
        Assert.That(pages["/Workbench/Json"]!.Form.Bytes, Is.EqualTo((3 * 2 * 1024 * 1024) + (64 * 1024)));
        Assert.That(pages["/Workbench/Editor"]!.Form.Bytes, Is.EqualTo((3 * 2 * 1024 * 1024) + (64 * 1024)));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AnOversizedSignIn_Is413InVietnamese_AndSignsNobodyIn(bool chunked)
    {
        using var session = new FormSession(host);
        var (_, html, _) = await session.GetAsync("/dang-nhap");
        var form = Form(new()
        {
            ["__RequestVerificationToken"] = FormSession.Token(html), ["userName"] = "gh.donvi", ["password"] = passwords["gh.donvi"],
            ["ghiChu"] = new string('x', 70 * 1024),
        });

        using var response = await session.Client.PostAsync("/dang-nhap", Body(form, "application/x-www-form-urlencoded", chunked));

        var page = await TooLargePage(response);
        Assert.That(page, Does.Contain("(biểu mẫu) vượt giới hạn 64 KB (65.536 byte)").And.Contain("Không có gì được lưu"));
        if (!chunked)
        {
            Assert.That(page, Does.Contain($"đã nhận {form.Length.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} byte"));
        }

        Assert.That((await session.GetAsync("/lam-viec")).Status, Is.EqualTo(HttpStatusCode.Redirect), "not signed in: sent to the sign-in page");
    }

    [Test]
    public async Task AnOversizedReportSave_Is413_AndSavesNothing()
    {
        using var session = await SignedInAsync("gh.donvi");
        var (_, html, _) = await session.GetAsync(Report);
        var before = await host.WithDbAsync(db => db.SubmissionRevisions.CountAsync());
        var form = Form(new()
        {
            ["__RequestVerificationToken"] = FormSession.Token(html), ["gt-staffTrained"] = "12",
            ["gt-ghiChu"] = new string('x', 66 * 1024),
        });

        using var response = await session.Client.PostAsync(Report + "?handler=Save", Body(form, "application/x-www-form-urlencoded", chunked: false));

        Assert.That(await TooLargePage(response), Does.Contain("vượt giới hạn 64 KB (65.536 byte)").And.Contain($"href=\"{Report}\""));
        Assert.That(await host.WithDbAsync(db => db.SubmissionRevisions.CountAsync()), Is.EqualTo(before), "nothing saved");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AnOversizedEvidenceUpload_Is413NamingTheConfiguredSize_AndStoresNothing(bool chunked)
    {
        using var session = await SignedInAsync("gh.donvi");
        var (_, html, _) = await session.GetAsync(Report);
        var pdf = new byte[(64 * 1024) + 4096];
        "%PDF"u8.CopyTo(pdf);
        var multipart = Multipart(FormSession.Token(html), "staffTrained", "lon.pdf", pdf);

        using var response = await session.Client.PostAsync(Report + "?handler=Evidence", Body(multipart, "multipart/form-data; boundary=ranh-gioi", chunked));

        Assert.That(await TooLargePage(response), Does.Contain("(tệp minh chứng tối đa 2 KB (2.048 byte) cùng phần đầu biểu mẫu) vượt giới hạn 66 KB (67.584 byte)")
            .And.Contain("Hãy nén ảnh"));
        Assert.That(await host.WithDbAsync(db => db.EvidenceFiles.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AConsoleImportOverTheTableImportLimit_Is413_AndWritesNothing()
    {
        using var session = await SignedInAsync("gh.quantri");
        var (_, html, _) = await session.GetAsync("/quan-tri/nhap-du-lieu");
        var before = await host.WithDbAsync(db => db.Units.CountAsync());
        var csv = Encoding.UTF8.GetBytes("code,name,kind\n" + string.Concat(Enumerable.Repeat("xa-moi,Xã mới,locality\n", 1_000_000)));
        Assert.That(csv.Length, Is.GreaterThan((20 * 1024 * 1024) + (64 * 1024)));

        using var response = await session.Client.PostAsync("/quan-tri/nhap-du-lieu",
            Body(Multipart(FormSession.Token(html), null, "units.csv", csv, ("Tenant", TestData.Tenant), ("Kind", "Units")), "multipart/form-data; boundary=ranh-gioi", chunked: false));

        Assert.That(await TooLargePage(response), Does.Contain("tệp CSV/.xlsx tối đa 20 MB").And.Contain("Hãy tách tệp"));
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task AFormUnderItsLimit_ReachesTheHandler()
    {
        using var session = new FormSession(host);
        var (status, _, location) = await session.PostFormAsync("/dang-nhap",
            new Dictionary<string, string> { ["userName"] = "gh.donvi", ["password"] = passwords["gh.donvi"], ["ghiChu"] = new string('x', 60 * 1024) });

        Assert.That(status, Is.EqualTo(HttpStatusCode.Redirect), "signed in");
        Assert.That(location, Does.Not.Contain("dang-nhap"));
    }

    private async Task<FormSession> SignedInAsync(string user)
    {
        var session = new FormSession(host);
        Assert.That((await session.SignInAsync(user, passwords[user])).Status, Is.EqualTo(HttpStatusCode.Redirect));
        return session;
    }

    private static async Task<string> TooLargePage(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), text[..Math.Min(text.Length, 500)]);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(text, Does.Contain("<h1 id=\"tieu-de-413\">Nội dung gửi lên quá lớn (413)</h1>").And.Contain("<html lang=\"vi\">"));
        return WebUtility.HtmlDecode(text);
    }

    private static byte[] Form(Dictionary<string, string> fields) =>
        Encoding.ASCII.GetBytes(string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));

    private static byte[] Multipart(string token, string? indicator, string fileName, byte[] file, params (string Name, string Value)[] fields)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in fields.Append(("__RequestVerificationToken", token)).Concat(indicator is null ? [] : [("indicator", indicator)]))
        {
            text.Append($"--ranh-gioi\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        text.Append($"--ranh-gioi\r\nContent-Disposition: form-data; name=\"{(indicator is null ? "Upload" : "file")}\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(text.ToString()), .. file, .. "\r\n--ranh-gioi--\r\n"u8];
    }

    private static HttpContent Body(byte[] bytes, string contentType, bool chunked)
    {
        if (chunked)
        {
            return new UnknownLengthContent(bytes, contentType).Typed();
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private async Task<string> CreateAsync(string user, AccountScope scope)
    {
        await using var services = host.Services.CreateAsyncScope();
        var result = await services.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync("test", new NewAccount(user, user, scope, null, MustChangePassword: false), CancellationToken.None);
        Assert.That(result.Errors, Is.Empty);
        return result.Password!;
    }
}
