using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.Secretariat;

/// <summary>
/// The cluster secretariat's year in Debian's Chromium against the real service (SQLite, then PostgreSQL): first sign-in with the forced
/// password change, the board of reports, a return with a comment, the unit's resubmission (API), review and lock (single
/// and bulk), the scoring of the cluster with progress, the ranking and proposals, the .xlsx and the A4 council document;
/// another cluster's board is a 403 page and a POST without the antiforgery token is refused.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
[NonParallelizable]
public sealed class SecretariatBrowserTests(Backend backend)
{
    private const string Board = "/thu-ky/son-la/2025/cum-1";

    private BrowserHost browser = null!;
    private ScoringHostFactory host = null!;
    private string password = "";
    private string cum2Password = "";
    private string xaCPassword = "";

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        browser = await BrowserHost.StartAsync(backend == Backend.Sqlite ? "" : "thu-ky-postgres", backend);
        host = browser.Host;
        await TestData.SeedAsync(host);
        await PublishedSite.SubmitAsync(host, "xa-a", new()
        {
            ["planIssuedOn"] = "2025-07-20", ["launchHeld"] = "true", ["communicationItems"] = "6", ["dti"] = "0.82",
            ["staffTrained"] = "40", ["staffTotal"] = "50", ["cyberDrillHeld"] = "true", ["digitalModels"] = "2",
        });
        await PublishedSite.SubmitAsync(host, "xa-b", new() { ["planIssuedOn"] = "2025-08-20", ["launchHeld"] = "false", ["dti"] = "0.55" });
        password = await browser.CreateAccountAsync(
            new NewAccount("thuky.cum-1", "Thư ký cụm 1", new AccountScope(Roles.Secretariat, TestData.Tenant, null, ["cum-1"]), null, true));
        cum2Password = await browser.CreateAccountAsync(
            new NewAccount("thuky.cum-2", "Thư ký cụm 2", new AccountScope(Roles.Secretariat, TestData.Tenant, null, ["cum-2"]), null, false));
        xaCPassword = await browser.CreateAccountAsync(
            new NewAccount("xa-c.son-la", "Phường Tô Hiệu", new AccountScope(Roles.Unit, TestData.Tenant, "xa-c", []), null, false));
    }

    [OneTimeTearDown]
    public async Task StopServerAndBrowser()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
    }

    [Test]
    public async Task Secretariat_Returns_Locks_Runs_Exports_AndPrints()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page);
        await page.ClickAsync("#viec a[href='/thu-ky']");
        await page.ClickAsync("#cum-khoi a[data-group='cum-1'][data-year='2025']");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Board) + "$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hồ sơ thi đua: Cụm thi đua số 1, năm 2025");
        await Expect(page.Locator("#bang-ho-so tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".count[data-status='chua-nop']")).ToHaveTextAsync("0");
        await Expect(page.Locator(".count[data-status='tra-lai']")).ToHaveTextAsync("0");
        await Expect(page.Locator("#bang-ho-so tbody tr[data-status='nop-muon'], #bang-ho-so tbody tr[data-status='da-nop']")).ToHaveCountAsync(2);
        await browser.ScreenshotAsync(page, "thu-ky-1-bang-ho-so.png");

        // Return xa-b: without a comment the workflow refuses it, with one the unit sees it.
        await page.ClickAsync("#bang-ho-so tr[data-unit='xa-b'] a");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hồ sơ của Xã Mường Bú, năm 2025");
        await Expect(page.Locator("#so-lieu tr[data-indicator='dti'] td.gia-tri")).ToHaveTextAsync("0,55");
        // Named as the unit's form names them: the rule set's Vietnamese titles, in its order.
        await Expect(page.Locator("#so-lieu tr[data-indicator='dti'] th")).ToHaveTextAsync("Chỉ số chuyển đổi số (DTI) tổng hợp của đơn vị (thang 0–1 như công bố)");
        await Expect(page.Locator("#so-lieu tbody tr").First).ToHaveAttributeAsync("data-indicator", "planIssuedOn");
        await Expect(page.Locator("#so-lieu tr[data-indicator='planIssuedOn'] th")).ToHaveTextAsync("Ngày ban hành kế hoạch hưởng ứng phong trào của đơn vị");
        await page.ClickAsync("#tra-lai button");
        await Expect(page.Locator("#loi")).ToContainTextAsync("phải kèm ý kiến");
        await browser.ScreenshotAsync(page, "thu-ky-2-tra-lai-thieu-y-kien.png");
        await page.FillAsync("#Comments", "Thiếu minh chứng kế hoạch; bổ sung số cán bộ được tập huấn.");
        await page.ClickAsync("#tra-lai button");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã trả lại hồ sơ kèm ý kiến cho đơn vị.");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("Bị trả lại");
        await Expect(page.Locator("#y-kien")).ToHaveTextAsync("Thiếu minh chứng kế hoạch; bổ sung số cán bộ được tập huấn.");
        await browser.ScreenshotAsync(page, "thu-ky-3-da-tra-lai.png");
        using (var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-b"))
        {
            var comments = (await unit.GetFromJsonAsync<SubmissionDto>($"/api/tenants/{TestData.Tenant}/submissions/2025/xa-b"))!.Comments;
            Assert.That(comments, Is.EqualTo("Thiếu minh chứng kế hoạch; bổ sung số cán bộ được tập huấn."), "the unit reads the comment through the API");
        }

        using (var unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-b"))
        {
            // The unit revises and resubmits through the API, as its own page does.
            var path = $"/api/tenants/{TestData.Tenant}/submissions/2025/xa-b";
            using var put = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new SubmissionValues(new() { ["staffTrained"] = "10", ["staffTotal"] = "50" })) };
            put.Headers.TryAddWithoutValidation("If-Match", "*");
            await TestData.Ensure(await unit.SendAsync(put));
            await TestData.Ensure(await unit.PostAsync(path + "/submit", null));
        }

        // Review and lock xa-a on its page; review xa-b, then lock it from the board in bulk.
        await page.GotoAsync(browser.Url(Board + "/don-vi/xa-a"));
        await page.ClickAsync("#tham-dinh button");
        await Expect(page.Locator("#quy-trinh")).ToHaveTextAsync("Đã thẩm định");
        await page.ClickAsync("#khoa button");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("Đã khóa");
        await page.GotoAsync(browser.Url(Board + "/don-vi/xa-b"));
        await Expect(page.Locator("#quy-trinh")).ToHaveTextAsync("Đã gửi, chờ thẩm định");
        await page.ClickAsync("#tham-dinh button");
        await Expect(page.Locator("#quy-trinh")).ToHaveTextAsync("Đã thẩm định");
        await page.GotoAsync(browser.Url(Board));
        await page.CheckAsync("#chon-xa-b");
        await browser.ScreenshotAsync(page, "thu-ky-4-khoa-hang-loat.png");
        await page.ClickAsync("#khoa-hang-loat button[type=submit]");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã khóa 1 hồ sơ: xa-b.");
        await Expect(page.Locator(".count[data-status='da-khoa']")).ToHaveTextAsync("2");
        await page.ClickAsync("#bo-loc a[href$='trangThai=da-khoa']");
        await Expect(page.Locator("#bang-ho-so tbody tr[data-status='da-khoa']")).ToHaveCountAsync(2);
        await browser.ScreenshotAsync(page, "thu-ky-5-da-khoa.png");

        // One action scores the cluster; the page refreshes itself until the run is done.
        await page.ClickAsync("#cham-diem button");
        await Expect(page).ToHaveURLAsync(new Regex("/thu-ky/luot-cham/\\d+/cum-1$"));
        await Expect(page.Locator("#tinh-trang")).ToHaveTextAsync("Đã chấm xong");
        await Expect(page.Locator("#xep-hang tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#xep-hang tbody tr").First).ToHaveAttributeAsync("data-unit", "xa-a");
        await Expect(page.Locator("#can-cu")).ToContainTextAsync(TestData.RuleSetId);
        await Expect(page.Locator("#bieu-do-tong rect.bar")).ToHaveCountAsync(2);
        Assert.That(await page.Locator("#de-nghi tbody tr, #khong-de-nghi").CountAsync(), Is.GreaterThan(0), "proposals or their absence are shown");
        await browser.ScreenshotAsync(page, "thu-ky-6-xep-hang.png");
        await page.ClickAsync("details summary");
        await Expect(page.Locator("details[open] svg rect.avg").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "thu-ky-7-bieu-do-phan.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#tai-xlsx"));
        var xlsx = browser.ResultPath("thu-ky-ket-qua.xlsx");
        await download.SaveAsAsync(xlsx);
        var head = new byte[2];
        await using (var file = File.OpenRead(xlsx))
        {
            Assert.That(await file.ReadAsync(head), Is.EqualTo(2));
        }

        Assert.That(head, Is.EqualTo("PK"u8.ToArray()), "an .xlsx is a zip");
        TestContext.AddTestAttachment(xlsx);

        await page.ClickAsync("#ban-in");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kết quả chấm điểm thi đua và đề nghị khen thưởng năm 2025");
        await Expect(page.Locator("#in-xep-hang tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#in-can-cu")).ToContainTextAsync(TestData.RuleSetId);
        await Expect(page.Locator(".signatures")).ToContainTextAsync("Trưởng cụm/khối");
        await browser.ScreenshotAsync(page, "thu-ky-8-van-ban-in.png");
        var pdf = browser.ResultPath("thu-ky-van-ban-in.pdf");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true });
        Assert.That(new FileInfo(pdf).Length, Is.GreaterThan(0));
        TestContext.AddTestAttachment(pdf);
    }

    [Test]
    public async Task AnotherClustersBoard_Is403_AndAPostWithoutTheToken_IsRefused()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page);

        var other = await page.GotoAsync(browser.Url("/thu-ky/son-la/2025/cum-2"));
        Assert.That(other!.Status, Is.EqualTo(403));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không có quyền truy cập (403)");
        await Expect(page.Locator("p.lead")).ToContainTextAsync("không phải thư ký của cụm/khối 'cum-2'");
        await browser.ScreenshotAsync(page, "thu-ky-9-cum-khac-403.png");
        var report = await page.GotoAsync(browser.Url("/thu-ky/son-la/2025/cum-2/don-vi/xa-c"));
        Assert.That(report!.Status, Is.EqualTo(403));

        // The signed-in cookie alone must not be enough to act: the form's token is required.
        var runsBefore = await host.WithDbAsync(db => db.ScoringRuns.CountAsync());
        var forged = await page.APIRequest.PostAsync(browser.Url(Board + "?handler=Run"),
            new APIRequestContextOptions { Form = page.APIRequest.CreateFormData() });
        Assert.That(forged.Status, Is.EqualTo(400));
        Assert.That(await forged.TextAsync(), Does.Contain("chống giả mạo"));
        Assert.That(await host.WithDbAsync(db => db.ScoringRuns.CountAsync()), Is.EqualTo(runsBefore), "no run was started");
    }

    [Test]
    public async Task Secretariat_RemindsUnitsThatHaveNotSubmitted_OncePerDay_AndTheUnitSeesTheReminder()
    {
        const string cum2 = "/thu-ky/son-la/2025/cum-2";
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "thuky.cum-2", cum2Password);
        await page.GotoAsync(browser.Url(cum2));
        await Expect(page.Locator("#nhac-nop input[name=nhac]")).ToHaveCountAsync(2);
        await Expect(page.Locator("#nhac-xa-c")).ToBeCheckedAsync();
        await Expect(page.Locator("label[for='nhac-xa-c']")).ToHaveTextAsync("Phường Tô Hiệu, TP Sơn La (Chưa nộp)");
        await Expect(page.Locator("#bang-ho-so tr[data-unit='xa-c'] td.da-nhac")).ToHaveTextAsync("—");

        await page.UncheckAsync("#nhac-xa-d");
        await page.FillAsync("#loi-nhan", "Đề nghị gửi báo cáo trước ngày 05/11.");
        await browser.ScreenshotAsync(page, "thu-ky-10-nhac-nop.png");
        await page.ClickAsync("#nhac-nop button[type=submit]");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã gửi nhắc nhở tới 1 đơn vị: Phường Tô Hiệu, TP Sơn La.");
        await Expect(page.Locator("#bang-ho-so tr[data-unit='xa-c'] td.da-nhac")).ToHaveTextAsync("1 lần, gần nhất 01/10/2025 10:00");
        await Expect(page.Locator("#bang-ho-so tr[data-unit='xa-d'] td.da-nhac")).ToHaveTextAsync("—");
        await browser.ScreenshotAsync(page, "thu-ky-11-da-nhac.png");

        // A second click the same day queues nothing new.
        await page.UncheckAsync("#nhac-xa-d");
        await page.ClickAsync("#nhac-nop button[type=submit]");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã nhắc hôm nay, không gửi lại: Phường Tô Hiệu, TP Sơn La.");

        var sent = await host.WithDbAsync(db => db.Outbox.Where(m => m.Recipient == "xa-c" || m.Recipient == "xa-d").ToListAsync());
        Assert.That(sent, Has.Count.EqualTo(1));
        Assert.That(sent[0].DedupKey, Is.EqualTo("reminder:son-la:2025:xa-c:thu-ky:2025-10-01"));
        Assert.That(sent[0].Kind, Is.EqualTo("reminder"));
        Assert.That(sent[0].Subject, Is.EqualTo("Nhắc nộp báo cáo thi đua năm 2025 (Cụm thi đua số 2)"));
        Assert.That(sent[0].Body, Is.EqualTo("Thư ký Cụm thi đua số 2 nhắc: Phường Tô Hiệu, TP Sơn La chưa nộp báo cáo kết quả phong trào "
            + "\"Sơn La thi đua đổi mới sáng tạo và chuyển đổi số\" năm 2025. Hạn nộp: 10/11/2025 (còn 40 ngày). Lời nhắn của thư ký: Đề nghị gửi báo cáo trước ngày 05/11."));
        var audited = await host.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "reminder.queue" && a.EntityKey == sent[0].DedupKey).Select(a => a.Actor).ToListAsync());
        Assert.That(audited, Is.EqualTo(new[] { "thuky.cum-2 (secretariat)" }));

        // The unit reads it on its own report page.
        var unit = await browser.NewPageAsync();
        await browser.SignInAsync(unit, "xa-c.son-la", xaCPassword);
        await unit.GotoAsync(browser.Url("/don-vi/son-la/xa-c"));
        await Expect(unit.Locator("#tieu-de-nhac-nho")).ToHaveTextAsync("Nhắc nhở nộp báo cáo (1)");
        await Expect(unit.Locator("#nhac-nho li")).ToHaveTextAsync("01/10/2025 10:00: " + sent[0].Body);
        await browser.ScreenshotAsync(unit, "thu-ky-12-don-vi-thay-nhac.png");
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync(browser.Url("/dang-nhap"));
        await page.FillAsync("#userName", "thuky.cum-1");
        await page.FillAsync("#password", password);
        await page.ClickAsync("form.panel button[type=submit]");
        if (page.Url.Contains("/doi-mat-khau", StringComparison.Ordinal))
        {
            await Expect(page.Locator("#phai-doi")).ToBeVisibleAsync();
            await browser.ScreenshotAsync(page, "thu-ky-0-doi-mat-khau.png");
            await page.FillAsync("#current", password);
            password = "ThuKyCum1Moi2026";
            await page.FillAsync("#next", password);
            await page.FillAsync("#confirm", password);
            await page.ClickAsync("form button[type=submit].primary");
        }

        await Expect(page).ToHaveURLAsync(new Regex("/lam-viec$"));
        await Expect(page.Locator("#vai-tro")).ToHaveTextAsync("Thư ký cụm/khối thi đua");
    }
}
