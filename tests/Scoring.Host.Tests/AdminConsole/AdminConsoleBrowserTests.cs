using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Scoring.Host.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.AdminConsole;

/// <summary>
/// An administrator's year in Debian's Chromium against the real service (SQLite): signs in, opens the console from the
/// workspace home, creates a tenant's accounts in bulk and reads the password sheet (on a phone too), disables an account
/// that then cannot sign in; imports units with one bad row (sees its row and column, nothing is written), then the fixed
/// file; enqueues the tenant's year, watches it finish, reads what publication makes public, publishes and opens the public
/// page; reads the audit log with its chains shown unbroken. Every step asserts what the page shows; every screenshot is
/// attached to the test result.
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

    [Test, Order(2)]
    public async Task Administrator_ImportsUnitsWithOneBadRow_SeesRowAndColumn_NothingWritten_ThenTheFixedFile()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "quantri.tinh", AdminPassword);
        await page.GotoAsync(browser.Url("/quan-tri"));
        await page.ClickAsync("#muc-quan-tri a:has-text('Nhập dữ liệu')");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nhập dữ liệu từ tệp");

        const string Header = "code,name,kind,validFrom,validTo,successor\n";
        await page.SelectOptionAsync("#Tenant", TestData.Tenant);
        await page.SelectOptionAsync("#Kind", "Units");
        await page.SetInputFilesAsync("#Upload", new FilePayload
        {
            Name = "don-vi-moi.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(Header + "xa-e,Xã Chiềng Mung,locality,2026-01-01,,\nxa-f,Xã Hát Lót,xa,2026-01-01,,\n"),
        });
        await page.ClickAsync("#nhap-tep");
        await Expect(page.Locator("#tieu-de-tu-choi")).ToHaveTextAsync("Tệp don-vi-moi.csv có 1 lỗi – không ghi dữ liệu nào");
        var bad = page.Locator("#bang-loi tbody tr");
        await Expect(bad).ToHaveCountAsync(1);
        await Expect(bad.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(bad.Locator("td").Nth(1)).ToHaveTextAsync("kind");
        await Expect(bad.Locator("td").Nth(2)).ToContainTextAsync("'xa' không phải loại đơn vị");
        await browser.ScreenshotAsync(page, "08-nhap-loi.png");
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync(u => u.Code == "xa-e" || u.Code == "xa-f")), Is.Zero, "nothing written");

        await page.SelectOptionAsync("#Kind", "Units");
        await page.SetInputFilesAsync("#Upload", new FilePayload
        {
            Name = "don-vi-moi.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(Header + "xa-e,Xã Chiềng Mung,locality,2026-01-01,,\nxa-f,Xã Hát Lót,locality,2026-01-01,,\n"),
        });
        await page.ClickAsync("#nhap-tep");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã nhập 2 đơn vị từ don-vi-moi.csv.");
        await browser.ScreenshotAsync(page, "09-nhap-xong.png");
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync(u => u.Code == "xa-e" || u.Code == "xa-f")), Is.EqualTo(2));
    }

    [Test, Order(3)]
    public async Task Administrator_EnqueuesTheYear_ReadsWhatBecomesPublic_Publishes_AndReadsTheAuditLogUnbroken()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "quantri.tinh", AdminPassword);
        await page.GotoAsync(browser.Url("/quan-tri"));
        await page.ClickAsync("#muc-quan-tri a:has-text('Lượt chấm')");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lượt chấm và công bố");
        await page.SelectOptionAsync("#tinh-cham", TestData.Tenant);
        await page.FillAsync("#Year", "2025");
        await page.ClickAsync("#cham");
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("vào hàng đợi");
        await Expect(page.Locator("h1")).ToContainTextAsync("Tỉnh Sơn La, năm 2025");
        // The page refreshes itself while the run is queued or running.
        await Expect(page.Locator("#tinh-trang")).ToHaveTextAsync("Đã chấm xong, chưa công bố");
        var runId = long.Parse(Regex.Match(page.Url, "/luot-cham/(\\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.Locator("table.xep-hang[data-group='cum-1'] tbody tr")).ToHaveCountAsync(2);
        await browser.ScreenshotAsync(page, "10-luot-cham.png");

        await page.ClickAsync("#cong-bo");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Xác nhận công bố kết quả năm 2025 của Tỉnh Sơn La");
        await Expect(page.Locator("#cong-khai-xep-hang")).ToHaveTextAsync("Bảng xếp hạng của 2 cụm/khối: Cụm thi đua số 1 (2 đơn vị); Cụm thi đua số 2 (2 đơn vị).");
        await Expect(page.Locator("#cong-khai-phieu")).ToContainTextAsync("Phiếu điểm của 4 đơn vị");
        await Expect(page.Locator("#khong-thu-hoi")).ToContainTextAsync("Không thể thu hồi");
        await browser.ScreenshotAsync(page, "11-xac-nhan-cong-bo.png");
        Assert.That(await host.WithDbAsync(db => db.ScoringRuns.Where(r => r.Id == runId).Select(r => r.PublishedAt).SingleAsync()), Is.Null, "the confirmation page publishes nothing");

        await page.ClickAsync("#xac-nhan-cong-bo");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync($"Đã công bố lượt chấm {runId}.");
        await Expect(page.Locator("#tinh-trang")).ToHaveTextAsync("Đã công bố");
        await Expect(page.Locator("#da-cong-bo")).ToContainTextAsync("không thay đổi được nữa");
        await browser.ScreenshotAsync(page, "12-da-cong-bo.png");
        await page.ClickAsync("#trang-cong-khai");
        await Expect(page).ToHaveURLAsync(new Regex("/ket-qua/son-la/2025$"));
        await Expect(page.Locator("main")).ToContainTextAsync("Cụm thi đua số 1");
        await browser.ScreenshotAsync(page, "13-trang-cong-khai.png");

        await page.GotoAsync(browser.Url("/quan-tri"));
        await page.ClickAsync("#muc-quan-tri a:has-text('Nhật ký kiểm toán')");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nhật ký kiểm toán");
        await page.SelectOptionAsync("#doiTuong", "run");
        await page.FillAsync("#nguoi", "quantri.tinh");
        await page.ClickAsync("#bo-loc button[type=submit]");
        await Expect(page.Locator($"#bang-nhat-ky tr[data-action='run.publish'] td").Nth(4)).ToContainTextAsync(runId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#bang-nhat-ky tr[data-action='run.publish'] .link")).ToHaveTextAsync("✓ khớp mục trước");
        await page.SelectOptionAsync("#doiTuong", "run");
        await page.FillAsync("#nguoi", "");
        await page.FillAsync("#khoa", runId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#bo-loc button[type=submit]");
        var chain = page.Locator($"#bang-chuoi tr[data-entity='run'][data-key='{runId}']");
        await Expect(chain.Locator("td").Nth(3)).ToHaveTextAsync("3");
        await Expect(chain.Locator(".chain")).ToHaveTextAsync("Liền mạch");
        await Expect(page.Locator("#bang-nhat-ky tbody tr[data-action='run.start'] .link")).ToHaveTextAsync("đầu chuỗi");
        await browser.ScreenshotAsync(page, "14-nhat-ky-chuoi-lien-mach.png");

        await page.SelectOptionAsync("#doiTuong", "account");
        await page.FillAsync("#khoa", "");
        await page.FillAsync("#nguoi", "quantri.tinh");
        await page.ClickAsync("#bo-loc button[type=submit]");
        await Expect(page.Locator("#ket-qua-kiem-tra")).ToContainTextAsync("đều liền mạch");
        await Expect(page.Locator("#bang-chuoi tr[data-key='xa-b.son-la'] td").Nth(3)).ToHaveTextAsync("2");
        await Expect(page.Locator("#bang-chuoi tr[data-key='xa-b.son-la'] .chain")).ToHaveTextAsync("Liền mạch");
        await browser.ScreenshotAsync(page, "15-nhat-ky-tai-khoan.png");
    }
}
