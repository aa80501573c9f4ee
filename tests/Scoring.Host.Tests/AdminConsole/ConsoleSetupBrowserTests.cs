using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scoring.Host.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.AdminConsole;

/// <summary>
/// An administrator sets up a new province in Debian's Chromium against the real service (SQLite, then PostgreSQL): creates
/// the tenant with its movement (a bad code and deadline refused beside their fields first), imports its units with one bad
/// row (row and column shown, nothing written) and then the fixed file, creates a cluster of 2026 with its head and deputy
/// (a head that is not a member refused beside the field first), and reads the audit log across pages with the whole-log
/// chain check, which finds a chain broken by a change made behind the service's back while the page shows other entries. Every step asserts what the page shows; every
/// screenshot is attached to the test result.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
[NonParallelizable]
public sealed class ConsoleSetupBrowserTests(Backend backend)
{
    private const string AdminPassword = "QuanTriTinhMoi2026";

    private BrowserHost browser = null!;
    private ScoringHostFactory host = null!;
    private string adminInitial = null!;

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        browser = await BrowserHost.StartAsync(backend == Backend.Sqlite ? "quan-tri-thiet-lap" : "quan-tri-thiet-lap-postgres", backend);
        host = browser.Host;
        await TestData.SeedAsync(host);
        adminInitial = await browser.CreateAccountAsync(new NewAccount("quantri.moi", "Quản trị viên Sở KH&CN",
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
    public async Task Administrator_CreatesATenantWithAMovement_ImportsItsUnits_AndCreatesA2026ClusterWithHeadAndDeputy()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "quantri.moi", adminInitial, AdminPassword);
        await page.GotoAsync(browser.Url("/quan-tri"));
        await page.ClickAsync("#them-tinh");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thêm tỉnh/xã và phong trào đầu tiên");
        await page.FillAsync("#Code", "Lai Châu");
        await page.FillAsync("#Name", "Tỉnh Lai Châu");
        await page.FillAsync("#MovementCode", "dmst-cds-2025-2030");
        await page.FillAsync("#MovementTitle", "Lai Châu thi đua đổi mới sáng tạo và chuyển đổi số");
        await page.FillAsync("#Plan", "KH 235/KH-UBND");
        await page.FillAsync("#Deadline", "31/11");
        await page.ClickAsync("#tao-tinh");
        await Expect(page.Locator("#loi")).ToHaveTextAsync("Chưa lưu gì: có 2 ô cần sửa (ghi ngay dưới từng ô).");
        await Expect(page.Locator("#Code-loi")).ToContainTextAsync("Mã “Lai Châu” không dùng được");
        await Expect(page.Locator("#Code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Deadline-loi")).ToHaveTextAsync("Hạn báo cáo “31/11” phải là ngày và tháng dạng dd/MM, ví dụ 10/11 (ngày 10 tháng 11).");
        await Expect(page.Locator("#MovementTitle")).ToHaveValueAsync("Lai Châu thi đua đổi mới sáng tạo và chuyển đổi số");
        await browser.ScreenshotAsync(page, "01-tinh-moi-loi.png");
        Assert.That(await host.WithDbAsync(db => db.Tenants.CountAsync()), Is.EqualTo(1), "nothing written");

        await page.FillAsync("#Code", "lai-chau");
        await page.FillAsync("#Deadline", "30/11");
        await page.ClickAsync("#tao-tinh");
        await Expect(page).ToHaveURLAsync(new Regex("/quan-tri/tinh/lai-chau$"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Tỉnh Lai Châu");
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("Đã tạo Tỉnh Lai Châu với phong trào dmst-cds-2025-2030; hạn báo cáo năm");
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("hết ngày 30/11/");
        await Expect(page.Locator("#bang-phong-trao tr[data-movement='dmst-cds-2025-2030'] .deadline")).ToHaveTextAsync("ngày 30/11");
        await browser.ScreenshotAsync(page, "02-tinh-moi-da-tao.png");

        // Its units: one bad row shows its row and column and writes nothing; the fixed file is written.
        await page.GotoAsync(browser.Url("/quan-tri/nhap-du-lieu"));
        const string Header = "code,name,kind,validFrom,validTo,successor\n";
        const string Good = "lc-a,Xã Bản Hon,locality,2025-07-01,,\nlc-b,Xã Bình Lư,locality,2025-07-01,,\nlc-c,Xã Tam Đường,locality,2025-07-01,,\n";
        await page.SelectOptionAsync("#Tenant", "lai-chau");
        await page.SelectOptionAsync("#Kind", "Units");
        await page.SetInputFilesAsync("#Upload", Csv("don-vi-lai-chau.csv", Header + Good + "lc-d,Xã Nậm Tăm,locality,2025-07-01,01/07/2025,\n"));
        await page.ClickAsync("#nhap-tep");
        await Expect(page.Locator("#tieu-de-tu-choi")).ToHaveTextAsync("Tệp don-vi-lai-chau.csv có 1 lỗi – không ghi dữ liệu nào");
        var bad = page.Locator("#bang-loi tbody tr");
        await Expect(bad).ToHaveCountAsync(1);
        await Expect(bad.Locator("td").Nth(0)).ToHaveTextAsync("5");
        await Expect(bad.Locator("td").Nth(1)).ToHaveTextAsync("validTo");
        await browser.ScreenshotAsync(page, "03-nhap-don-vi-loi.png");
        Assert.That(await host.WithDbAsync(db => db.Units.CountAsync(u => u.TenantCode == "lai-chau")), Is.Zero, "nothing written");

        await page.SelectOptionAsync("#Tenant", "lai-chau");
        await page.SelectOptionAsync("#Kind", "Units");
        await page.SetInputFilesAsync("#Upload", Csv("don-vi-lai-chau.csv", Header + Good));
        await page.ClickAsync("#nhap-tep");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã nhập 3 đơn vị từ don-vi-lai-chau.csv.");

        // The cluster of 2026: a head that is not ticked is refused beside the field, then the group is saved.
        await page.GotoAsync(browser.Url("/quan-tri/tinh/lai-chau"));
        await page.ClickAsync("#them-cum-khoi");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thêm cụm/khối của một năm");
        await page.FillAsync("#Year", "2026");
        await page.FillAsync("#Code", "cum-1");
        await page.FillAsync("#Name", "Cụm thi đua số 1");
        await page.SelectOptionAsync("#Kind", "cluster");
        await page.CheckAsync("#thanh-vien li[data-unit='lc-a'] input");
        await page.CheckAsync("#thanh-vien li[data-unit='lc-b'] input");
        await page.SelectOptionAsync("#Head", "lc-c");
        await page.SelectOptionAsync("#Deputy", "lc-b");
        await page.ClickAsync("#luu-cum-khoi");
        await Expect(page.Locator("#Head-loi")).ToHaveTextAsync("Cụm/khối trưởng lc-c chưa được đánh dấu là thành viên; hãy đánh dấu đơn vị đó trong danh sách thành viên hoặc chọn đơn vị khác.");
        await Expect(page.Locator("#Head")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#thanh-vien li[data-unit='lc-b'] input")).ToBeCheckedAsync();
        await browser.ScreenshotAsync(page, "04-cum-khoi-loi.png");
        Assert.That(await host.WithDbAsync(db => db.Groups.CountAsync(g => g.TenantCode == "lai-chau")), Is.Zero, "nothing written");

        await page.CheckAsync("#thanh-vien li[data-unit='lc-c'] input");
        await page.ClickAsync("#luu-cum-khoi");
        await Expect(page).ToHaveURLAsync(new Regex("/quan-tri/tinh/lai-chau\\?nam=2026#cum-khoi$"));
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã lưu cụm/khối cum-1 năm 2026 với 3 thành viên.");
        var group = page.Locator("section[data-group='cum-1']");
        await Expect(group.Locator("li[data-member='lc-c']")).ToHaveTextAsync("Xã Tam Đường (lc-c) – cụm/khối trưởng");
        await Expect(group.Locator("li[data-member='lc-b']")).ToHaveTextAsync("Xã Bình Lư (lc-b) – cụm/khối phó");
        await Expect(group.Locator("li[data-member='lc-a']")).ToHaveTextAsync("Xã Bản Hon (lc-a)");
        await browser.ScreenshotAsync(page, "05-cum-khoi-da-luu.png");

        var phone = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(phone, "quantri.moi", AdminPassword);
        await phone.GotoAsync(browser.Url("/quan-tri/tinh/lai-chau/cum-khoi/2026/cum-1"));
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Sửa cụm/khối cum-1 năm 2026");
        await Expect(phone.Locator("#Head")).ToHaveValueAsync("lc-c");
        await browser.ScreenshotAsync(phone, "06-cum-khoi-dien-thoai.png", fullPage: false);

        var audit = await host.WithDbAsync(db => db.AuditLog.Where(a => a.Actor == "quantri.moi (administrator)" && a.Entity != "account")
            .OrderBy(a => a.Id).Select(a => a.Action + " " + a.EntityKey).ToListAsync());
        Assert.That(audit, Is.EqualTo(new[] { "tenant.create lai-chau", "unit.import lai-chau/*", "group.create lai-chau/2026/cum-1" }));
    }

    [Test, Order(2)]
    public async Task Administrator_ReadsTheAuditLogAcrossPages_WithTheWholeLogChainCheck()
    {
        // 120 real edits of one unit through the API's UnitService: one chain longer than a page.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var units = scope.ServiceProvider.GetRequiredService<UnitService>();
            var actor = new Actor("can-bo.nhap-lieu", Roles.Administrator, null, null, new HashSet<string>());
            for (var i = 1; i <= 120; i++)
            {
                var result = await units.UpdateAsync("lai-chau", "lc-a", new UnitDto("lc-a", $"Xã Bản Hon (lần sửa {i})", "locality", "2025-07-01", null, null), actor, CancellationToken.None);
                Assert.That(result.Result, Is.InstanceOf<Microsoft.AspNetCore.Http.HttpResults.Ok<UnitDto>>());
            }
        }

        var total = await host.WithDbAsync(db => db.AuditLog.CountAsync());
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "quantri.moi", AdminPassword);
        await page.GotoAsync(browser.Url("/quan-tri"));
        await page.ClickAsync("#muc-quan-tri a:has-text('Nhật ký kiểm toán')");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nhật ký kiểm toán");
        await Expect(page.Locator("#kiem-tra-toan-bo")).ToContainTextAsync($"Đã kiểm tra toàn bộ {total} mục của nhật ký");
        await Expect(page.Locator("#kiem-tra-toan-bo")).ToContainTextAsync("chuỗi đều liền mạch");
        await Expect(page.Locator("#bang-nhat-ky tbody tr")).ToHaveCountAsync(100);
        await Expect(page.Locator("#trang-hien-tai")).ToHaveTextAsync($"Trang 1/{(total + 99) / 100}");

        await page.SelectOptionAsync("#doiTuong", "unit");
        await page.FillAsync("#khoa", "lai-chau/lc-a");
        await page.ClickAsync("#bo-loc button[type=submit]");
        await Expect(page.Locator("#cac-muc")).ToContainTextAsync("120 mục khớp bộ lọc");
        await Expect(page.Locator("#trang-hien-tai")).ToHaveTextAsync("Trang 1/2");
        var chain = page.Locator("#bang-chuoi tr[data-entity='unit'][data-key='lai-chau/lc-a']");
        await Expect(chain.Locator("td").Nth(3)).ToHaveTextAsync("120");
        await Expect(chain.Locator(".chain")).ToHaveTextAsync("Liền mạch");
        await browser.ScreenshotAsync(page, "07-nhat-ky-trang-1.png");

        await page.ClickAsync("#trang-sau");
        await Expect(page).ToHaveURLAsync(new Regex("doiTuong=unit&khoa=lai-chau%2Flc-a&trang=2#cac-muc$"));
        await Expect(page.Locator("#trang-hien-tai")).ToHaveTextAsync("Trang 2/2");
        await Expect(page.Locator("#bang-nhat-ky tbody tr")).ToHaveCountAsync(20);
        await Expect(page.Locator("#bang-nhat-ky tbody tr").Last.Locator(".link")).ToHaveTextAsync("đầu chuỗi");
        await Expect(page.Locator("#bang-nhat-ky tbody tr").Nth(0).Locator(".link")).ToHaveTextAsync("✓ khớp mục trước");
        await Expect(page.Locator("#ket-qua-kiem-tra")).ToContainTextAsync("đều liền mạch");
        await Expect(page.Locator("#trang-truoc")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "08-nhat-ky-trang-2.png");

        // Someone changes the unit in the database behind the service's back (the log itself is append-only): the next
        // audited edit records a before hash that is not the chain's last after hash, and the whole-log check finds it
        // from any page, here one that shows only accounts.
        await host.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.TenantCode == "lai-chau" && u.Code == "lc-a");
            unit.Name = "Xã Bản Hon (sửa thẳng trong cơ sở dữ liệu)";
            return await db.SaveChangesAsync();
        });
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UnitService>().UpdateAsync("lai-chau", "lc-a",
                new UnitDto("lc-a", "Xã Bản Hon", "locality", "2025-07-01", null, null), new Actor("can-bo.nhap-lieu", Roles.Administrator, null, null, new HashSet<string>()),
                CancellationToken.None);
        }

        var tampered = await host.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == "lai-chau/lc-a").MaxAsync(a => a.Id));
        await page.GotoAsync(browser.Url("/quan-tri/nhat-ky?doiTuong=account"));
        await Expect(page.Locator("#kiem-tra-toan-bo")).ToContainTextAsync("1 trong");
        await Expect(page.Locator("#kiem-tra-toan-bo")).ToContainTextAsync("chuỗi bị đứt");
        await Expect(page.Locator("#bang-chuoi-dut tr[data-key='lai-chau/lc-a'] td").Nth(3)).ToHaveTextAsync("121");
        await Expect(page.Locator("#bang-chuoi-dut tr[data-key='lai-chau/lc-a'] td").Nth(4))
            .ToHaveTextAsync($"mục {tampered.ToString(CultureInfo.InvariantCulture)}: trạng thái trước không khớp trạng thái sau của mục liền trước");
        await Expect(page.Locator("#ket-qua-kiem-tra")).ToContainTextAsync("đều liền mạch");
        await browser.ScreenshotAsync(page, "09-nhat-ky-chuoi-dut.png");
    }

    private static FilePayload Csv(string name, string text) =>
        new() { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };
}
