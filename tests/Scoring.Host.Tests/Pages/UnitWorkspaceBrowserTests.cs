using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scoring.Host.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.Pages;

/// <summary>
/// A unit's year in Debian's Chromium against the real service (SQLite, then PostgreSQL): it signs in with its initial
/// password and must change it, fills in its report from the rule set's form, sees its "tạm tính", is told what is wrong
/// next to the form, saves, attaches evidence to one indicator and submits. Then what it may not do: another unit's page
/// and evidence (403), a form without the antiforgery token (400), a signed-out visit (sent to /dang-nhap), and lockout.
/// Every step's screenshot is attached to the test result.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
[NonParallelizable]
public sealed class UnitWorkspaceBrowserTests(Backend backend)
{
    private BrowserHost browser = null!;
    private ScoringHostFactory host = null!;
    private string xaAPassword = null!;
    private string xaCPassword = null!;

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        browser = await BrowserHost.StartAsync("don-vi-" + backend.ToString().ToLowerInvariant(), backend);
        host = browser.Host;
        await TestData.SeedAsync(host);
        xaAPassword = await browser.CreateAccountAsync(new NewAccount("xa-a.son-la", "Xã Chiềng Cơi",
            new AccountScope(Roles.Unit, TestData.Tenant, "xa-a", []), null, MustChangePassword: true));
        xaCPassword = await browser.CreateAccountAsync(new NewAccount("xa-c.son-la", "Phường Tô Hiệu",
            new AccountScope(Roles.Unit, TestData.Tenant, "xa-c", []), null, MustChangePassword: false));

        // xa-c has a report with evidence, which xa-a must not be able to open.
        using var xaC = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-c");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/tenants/{TestData.Tenant}/submissions/2025/xa-c")
        {
            Content = JsonContent.Create(new SubmissionValues(new() { ["staffTrained"] = "5", ["staffTotal"] = "20" })),
        };
        await TestData.Ensure(await xaC.SendAsync(put));
        await TestData.Ensure(await xaC.PostAsync($"/api/tenants/{TestData.Tenant}/submissions/2025/xa-c/evidence",
            TestData.Upload("%PDF-1.4 bien ban"u8.ToArray(), "bien-ban-xa-c.pdf", "application/pdf")));
    }

    [OneTimeTearDown]
    public async Task StopServerAndBrowser()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
    }

    [Test, Order(1)]
    public async Task Unit_SignsIn_ChangesPassword_FillsIn_Previews_Saves_AttachesEvidence_Submits()
    {
        var page = await browser.NewPageAsync();
        var context = page.Context;
        var report = $"/don-vi/{TestData.Tenant}/xa-a";

        await page.GotoAsync(browser.Url("/lam-viec"));
        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap\\?returnUrl=%2Flam-viec$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await browser.ScreenshotAsync(page, "1-dang-nhap.png");

        await page.FillAsync("#userName", "xa-a.son-la");
        await page.FillAsync("#password", xaAPassword);
        await page.ClickAsync("form.panel button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/doi-mat-khau"));
        await Expect(page.Locator("#phai-doi")).ToContainTextAsync("mật khẩu ban đầu");
        await browser.ScreenshotAsync(page, "2-doi-mat-khau.png");

        await page.FillAsync("#current", xaAPassword);
        await page.FillAsync("#next", "ChiengCoi2025");
        await page.FillAsync("#confirm", "ChiengCoi2025");
        await page.ClickAsync("form.panel button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/lam-viec$"));
        await Expect(page.Locator("#vai-tro")).ToHaveTextAsync("Đơn vị");
        await browser.ScreenshotAsync(page, "3-trang-lam-viec.png");

        await page.ClickAsync("#viec a:has-text('Báo cáo thi đua của đơn vị')");
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(report) + "$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Báo cáo thi đua năm 2025: Xã Chiềng Cơi");
        await Expect(page.Locator("#han-nop")).ToHaveTextAsync("10/11/2025");
        await Expect(page.Locator("#con-lai")).ToHaveTextAsync("còn 40 ngày");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("chưa có báo cáo");
        await Expect(page.Locator("label[for='gt-staffTrained']")).ToContainTextAsync("Số cán bộ, công chức, viên chức hoàn thành");
        await Expect(page.Locator("#gt-staffTrained-mo-ta")).ToContainTextAsync("Kiểu: số đếm (số nguyên); khoảng hợp lệ: từ 0 đến 100.000");
        await Expect(page.Locator("#gt-dti")).Not.ToBeEditableAsync();
        await Expect(page.Locator("#gt-dti-mo-ta")).ToContainTextAsync("chưa có số liệu nhập");
        await browser.ScreenshotAsync(page, "4-mau-bao-cao.png");

        await page.FillAsync("#gt-planIssuedOn", "20/07/2025");
        await page.SelectOptionAsync("#gt-launchHeld", "có");
        await page.FillAsync("#gt-staffTotal", "50");
        await page.FillAsync("#gt-staffTrained", "40");
        // The live "tạm tính": the engine's points for the values typed, criterion by criterion, nothing stored.
        await Expect(page.Locator("#tam-tinh-tong")).ToBeVisibleAsync();
        await Expect(page.Locator("#tam-tinh tr[data-criterion]").First).ToBeVisibleAsync();
        await Expect(page.Locator("#tam-tinh td.reason").First).Not.ToBeEmptyAsync();
        await browser.ScreenshotAsync(page, "5-tam-tinh.png");
        using (var api = host.ClientFor(Roles.Administrator))
        {
            Assert.That((await api.GetAsync($"/api/tenants/{TestData.Tenant}/submissions/2025/xa-a")).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound), "the preview stores nothing");
        }

        await page.FillAsync("#gt-communicationItems", "mười");
        await page.ClickAsync("#luu-nhap");
        await Expect(page.Locator("#loi")).ToBeVisibleAsync();
        var message = await page.Locator("#loi").InnerTextAsync();
        var nextToField = await page.Locator("#gt-communicationItems-loi").CountAsync();
        Assert.That(nextToField == 1 || message.Contains("communicationItems", StringComparison.Ordinal), Is.True, message);
        await Expect(page.Locator("#gt-communicationItems")).ToHaveValueAsync("mười");
        await Expect(page.Locator("#gt-staffTrained")).ToHaveValueAsync("40");
        await browser.ScreenshotAsync(page, "6-loi-gia-tri.png");

        await page.FillAsync("#gt-communicationItems", "6");
        await page.ClickAsync("#luu-nhap");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã lưu nháp.");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("nháp");
        await Expect(page.Locator("#gt-planIssuedOn")).ToHaveValueAsync("20/07/2025");
        await Expect(page.Locator("#tam-tinh-tong")).ToBeVisibleAsync();

        await page.SetInputFilesAsync("#tep-staffTrained", new FilePayload { Name = "danh-sach-tap-huan.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 danh sach"u8.ToArray() });
        await page.ClickAsync("[data-indicator='staffTrained'] button:has-text('Đính kèm')");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã đính kèm minh chứng.");
        await Expect(page.Locator("[data-indicator='staffTrained'] .minh-chung a")).ToHaveTextAsync("danh-sach-tap-huan.pdf");
        await browser.ScreenshotAsync(page, "7-minh-chung.png");

        await page.SetInputFilesAsync("#tep-staffTotal", new FilePayload { Name = "gia-mao.pdf", MimeType = "application/pdf", Buffer = "khong phai pdf"u8.ToArray() });
        await page.ClickAsync("[data-indicator='staffTotal'] button:has-text('Đính kèm')");
        await Expect(page.Locator("#loi")).ToContainTextAsync("không đúng định dạng .pdf");

        await page.ClickAsync("#gui-bao-cao");
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("Đã gửi báo cáo.");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("đã gửi");
        await Expect(page.Locator("#gui-luc")).ToHaveTextAsync("01/10/2025 10:00");
        await Expect(page.Locator("#chi-xem")).ToBeVisibleAsync();
        await Expect(page.Locator("#lich-su tbody tr")).ToHaveCountAsync(2, new() { Timeout = 10000 });
        await browser.ScreenshotAsync(page, "8-da-gui.png");

        using var admin = host.ClientFor(Roles.Administrator);
        var stored = await admin.GetFromJsonAsync<SubmissionDto>($"/api/tenants/{TestData.Tenant}/submissions/2025/xa-a");
        Assert.That(stored!.Status, Is.EqualTo("submitted"));
        Assert.That(stored.Values, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["planIssuedOn"] = "2025-07-20", ["launchHeld"] = "true", ["staffTotal"] = "50", ["staffTrained"] = "40", ["communicationItems"] = "6",
        }));
        Assert.That(stored.Evidence.Select(e => e.FileName), Is.EqualTo(new[] { "danh-sach-tap-huan.pdf" }));

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await browser.ScreenshotAsync(page, "9-dien-thoai.png", fullPage: false);
        await context.CloseAsync();
    }

    [Test, Order(2)]
    public async Task Unit_CannotOpenAnotherUnitsReportOrEvidence_NorPostWithoutToken_AndSignedOutGoesToSignIn()
    {
        var page = await browser.NewPageAsync();
        var context = page.Context;
        await browser.SignInAsync(page, "xa-c.son-la", xaCPassword);

        var other = await page.GotoAsync(browser.Url($"/don-vi/{TestData.Tenant}/xa-a"));
        Assert.That(other!.Status, Is.EqualTo(403));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không có quyền truy cập (403)");
        await browser.ScreenshotAsync(page, "10-403.png");

        var evidence = await host.WithDbAsync(db => Task.FromResult(db.EvidenceFiles.Select(e => new { e.Id, e.FileName }).ToList()));
        var theirs = evidence.Single(e => e.FileName == "bien-ban-xa-c.pdf");
        var forbidden = await context.APIRequest.GetAsync(browser.Url($"/api/tenants/{TestData.Tenant}/submissions/2025/xa-a/evidence/{theirs.Id}"));
        Assert.That(forbidden.Status, Is.EqualTo(403), "xa-c's evidence id asked under xa-a's address");
        var own = await context.APIRequest.GetAsync(browser.Url($"/api/tenants/{TestData.Tenant}/submissions/2025/xa-c/evidence/{theirs.Id}"));
        Assert.That(own.Status, Is.EqualTo(200));

        var noToken = await context.APIRequest.PostAsync(browser.Url($"/don-vi/{TestData.Tenant}/xa-c?handler=Save"),
            new APIRequestContextOptions { Form = context.APIRequest.CreateFormData().Set("gt-staffTrained", "99") });
        Assert.That(noToken.Status, Is.EqualTo(400));
        Assert.That(await noToken.TextAsync(), Does.Contain("Yêu cầu bị từ chối (400)"));
        using (var api = host.ClientFor(Roles.Administrator))
        {
            var stored = await api.GetFromJsonAsync<SubmissionDto>($"/api/tenants/{TestData.Tenant}/submissions/2025/xa-c");
            Assert.That(stored!.Values["staffTrained"], Is.EqualTo("5"), "nothing saved without the token");
        }

        await page.ClickAsync("#nav-dang-xuat");
        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap$"));
        await page.GotoAsync(browser.Url($"/don-vi/{TestData.Tenant}/xa-c"));
        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap\\?returnUrl="));
        await browser.ScreenshotAsync(page, "11-chua-dang-nhap.png");
        await context.CloseAsync();
    }

    [Test, Order(3)]
    public async Task RepeatedWrongPasswords_LockTheAccount()
    {
        var page = await browser.NewPageAsync();
        var context = page.Context;
        await page.GotoAsync(browser.Url("/dang-nhap"));
        for (var i = 1; i <= AccountsExtensions.MaxFailedSignIns; i++)
        {
            await page.FillAsync("#userName", "xa-c.son-la");
            await page.FillAsync("#password", "SaiMatKhau" + i);
            await page.ClickAsync("form.panel button[type=submit]");
            await Expect(page.Locator("#loi-dang-nhap")).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#loi-dang-nhap")).ToContainTextAsync("Tài khoản tạm khóa");
        await page.FillAsync("#userName", "xa-c.son-la");
        await page.FillAsync("#password", xaCPassword);
        await page.ClickAsync("form.panel button[type=submit]");
        await Expect(page.Locator("#loi-dang-nhap")).ToContainTextAsync("Tài khoản tạm khóa");
        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap$"));
        await browser.ScreenshotAsync(page, "12-tam-khoa.png");
        await context.CloseAsync();
    }
}
