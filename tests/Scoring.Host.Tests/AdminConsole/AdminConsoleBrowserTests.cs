using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Scoring.Host.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.AdminConsole;

/// <summary>
/// An administrator's year in Debian's Chromium against the real service (SQLite): signs in, opens the console from the
/// workspace home, creates a tenant's accounts in bulk and reads the password sheet (on a phone too), disables an account
/// that then cannot sign in. Every step asserts what the page shows; every screenshot is attached to the test result.
/// </summary>
[NonParallelizable]
public sealed class AdminConsoleBrowserTests
{
    private const string AdminPassword = "QuanTri2025Moi";

    private BrowserHost browser = null!;
    private ScoringHostFactory host = null!;
    private string adminInitial = null!;

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        browser = await BrowserHost.StartAsync("quan-tri");
        host = browser.Host;
        await TestData.SeedAsync(host);
        adminInitial = await browser.CreateAccountAsync(new NewAccount("quantri.tinh", "Quản trị viên Sở KH&CN",
            new AccountScope(Roles.Administrator, null, null, []), null, MustChangePassword: true));
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
    public async Task Administrator_BulkCreatesAccounts_ReadsThePasswordSheet_AndDisablesOne()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "quantri.tinh", adminInitial, AdminPassword);
        await Expect(page.Locator("#vai-tro")).ToHaveTextAsync("Quản trị viên");
        await page.ClickAsync("#viec a:has-text('Bảng điều khiển quản trị')");
        await Expect(page).ToHaveURLAsync(new Regex("/quan-tri$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bảng điều khiển quản trị");
        await Expect(page.Locator("#bang-tinh tr[data-tenant='son-la'] th")).ToHaveTextAsync("Tỉnh Sơn La");
        await browser.ScreenshotAsync(page, "01-bang-dieu-khien.png");

        await page.ClickAsync("#muc-quan-tri a:has-text('Tài khoản')");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tài khoản");
        await Expect(page.Locator("#bang-tai-khoan tr[data-user='quantri.tinh'] .state")).ToHaveTextAsync("Đang dùng");
        await page.ClickAsync("#tao-hang-loat");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tạo tài khoản hàng loạt cho một tỉnh/xã");
        await page.SelectOptionAsync("#Tenant", TestData.Tenant);
        await page.FillAsync("#Year", "2025");
        await browser.ScreenshotAsync(page, "02-tao-hang-loat.png");

        await page.ClickAsync("#tao");
        await Expect(page.Locator("#tieu-de-to")).ToHaveTextAsync("Tài khoản ban đầu – Tỉnh Sơn La, năm 2025");
        await Expect(page.Locator("#chi-mot-lan")).ToContainTextAsync("chỉ hiện một lần");
        var rows = page.Locator("#to-mat-khau tbody tr");
        await Expect(rows).ToHaveCountAsync(6);
        await Expect(page.Locator("#to-mat-khau tr[data-user='xa-a.son-la'] td").Nth(1)).ToHaveTextAsync("Xã Chiềng Cơi");
        await Expect(page.Locator("#to-mat-khau tr[data-user='thuky.cum-1.son-la'] td").Nth(2)).ToHaveTextAsync("Thư ký cụm/khối thi đua, cụm/khối cum-1");
        var xaBPassword = await page.Locator("#to-mat-khau tr[data-user='xa-b.son-la'] code.password").InnerTextAsync();
        Assert.That(xaBPassword, Does.Match("^[A-Za-z2-9]{12}$"));
        await browser.ScreenshotAsync(page, "03-to-mat-khau.png");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("#chi-mot-lan")).ToBeHiddenAsync();
        await browser.ScreenshotAsync(page, "04-to-mat-khau-ban-in.png");
        await page.PdfAsync(new PagePdfOptions { Path = browser.ResultPath("to-mat-khau.pdf"), Format = "A4", PrintBackground = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        // Leaving the sheet: the list shows the accounts, never their passwords.
        await page.ClickAsync("#ve-tai-khoan");
        await page.SelectOptionAsync("#tinh", TestData.Tenant);
        await page.SelectOptionAsync("#vaiTro", Roles.Unit);
        await page.ClickAsync("#bo-loc button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("tinh=son-la&vaiTro=unit$"));
        await Expect(page.Locator("#bang-tai-khoan tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#bang-tai-khoan tr[data-user='xa-b.son-la'] .state")).ToHaveTextAsync("Chờ đổi mật khẩu ban đầu");
        Assert.That(await page.ContentAsync(), Does.Not.Contain(xaBPassword));

        await page.ClickAsync("#bang-tai-khoan tr[data-user='xa-b.son-la'] button:has-text('Vô hiệu hóa')");
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("Đã vô hiệu hóa tài khoản xa-b.son-la");
        await Expect(page.Locator("#bang-tai-khoan tr[data-user='xa-b.son-la'] .state")).ToHaveTextAsync("Đã vô hiệu hóa");
        await Expect(page.Locator("#bang-tai-khoan tr[data-user='xa-b.son-la'] button").Nth(1)).ToHaveTextAsync("Kích hoạt lại");
        await browser.ScreenshotAsync(page, "05-vo-hieu-hoa.png");

        var person = await browser.NewPageAsync();
        await person.GotoAsync(browser.Url("/dang-nhap"));
        await person.FillAsync("#userName", "xa-b.son-la");
        await person.FillAsync("#password", xaBPassword);
        await person.ClickAsync("form.panel button[type=submit]");
        await Expect(person.Locator("#loi-dang-nhap")).ToContainTextAsync("đã bị quản trị viên khóa");
        await browser.ScreenshotAsync(person, "06-tai-khoan-bi-khoa.png");

        var phone = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(phone, "quantri.tinh", AdminPassword);
        await phone.GotoAsync(browser.Url("/quan-tri/tai-khoan?tinh=son-la"));
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Tài khoản");
        await browser.ScreenshotAsync(phone, "07-dien-thoai.png", fullPage: false);

        var audit = await host.WithDbAsync(db => db.AuditLog.Where(a => a.Actor == "quantri.tinh (administrator)").Select(a => a.Action).ToListAsync());
        Assert.That(audit.Count(a => a == "account.create"), Is.EqualTo(6));
        Assert.That(audit, Does.Contain("account.disable"));
    }
}
