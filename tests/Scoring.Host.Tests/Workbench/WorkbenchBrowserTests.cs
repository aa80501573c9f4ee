using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.Workbench;

/// <summary>
/// The rule maintainer's journey in Debian's Chromium against the real service: from the workspace home to the workbench,
/// a new version 1.2.0 from the published 1.1.0, an overlapping band whose diagnostic appears beside the band, the fix,
/// the simulator showing the rank change on the stored 2025 data, publication with the hash, and the diff in words.
/// </summary>
[TestFixture]
public sealed class WorkbenchBrowserTests
{
    private const string Band = "f-sections-1-criteria-0-bands";
    private BrowserHost browser = null!;
    private string password = "";

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        browser = await BrowserHost.StartAsync("quy-tac");
        var host = browser.Host;
        await TestData.SeedAsync(host);
        using (var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant))
        {
            await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", new StringContent(TestData.RuleSetJson("1.1.0"), Encoding.UTF8, "application/json")));
        }

        // Under 1.1.0 xa-a leads cum-1 on its DTI (0.82: 10 points against 7.5); xa-b has more communication items (1 point more);
        // the criteria no one reported on give both the same 5 points.
        await PublishedSite.SubmitAsync(host, "xa-a", new() { ["dti"] = "0.82", ["communicationItems"] = "2" });
        await PublishedSite.SubmitAsync(host, "xa-b", new() { ["dti"] = "0.78", ["communicationItems"] = "4" });
        password = await browser.CreateAccountAsync(new NewAccount("canbo.son-la", "Cán bộ quản lý bộ tiêu chí Sơn La",
            new AccountScope(Roles.RuleMaintainer, TestData.Tenant, null, []), null, true));
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
    public async Task Maintainer_Drafts_Fixes_Simulates_AndPublishes_ANewVersion()
    {
        var page = await browser.NewPageAsync();
        password = await browser.SignInAsync(page, "canbo.son-la", password, "CanBoSonLa2026Moi");
        await page.ClickAsync("#viec a[href='/quy-tac']");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bàn làm việc bộ tiêu chí");
        var list = page.Locator($".wb-ruleset[data-ruleset='{TestData.RuleSetId}']");
        await Expect(list.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(list.Locator("tr[data-version='1.1.0'] td").Nth(0)).ToHaveTextAsync("Đã công bố");
        await Expect(list.Locator("tr[data-version='1.1.0'] td").Nth(1)).ToHaveTextAsync("2025–2030");
        await Expect(list.Locator("tr[data-version='1.1.0'] td").Nth(2)).ToHaveTextAsync("locality");
        await Expect(list.Locator("tr[data-version='1.1.0'] code.hash")).ToHaveAttributeAsync("title", new Regex("^[0-9a-f]{64}$"));
        await browser.ScreenshotAsync(page, "1-danh-sach.png");

        // A new version from 1.1.0: the next minor number is proposed.
        await list.Locator("tr[data-version='1.1.0'] a.tao-moi").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tạo phiên bản mới từ 1.1.0");
        await Expect(page.Locator("#NewVersion")).ToHaveValueAsync("1.2.0");
        await browser.ScreenshotAsync(page, "2-phien-ban-moi.png");
        await page.ClickAsync("#tao");
        await Expect(page).ToHaveURLAsync(new Regex("/quy-tac/nhap/" + Regex.Escape(TestData.RuleSetId) + "/1\\.2\\.0$"));
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("Đã tạo bản nháp phiên bản 1.2.0 từ phiên bản 1.1.0");
        await Expect(page.Locator("#tong-ket-kiem-tra")).ToContainTextAsync("Hợp lệ");
        await Expect(page.Locator("#ket-qua-kiem-thu")).ToHaveTextAsync(new Regex(@"^(\d+)/\1 ca kiểm thử đạt\.$"));

        // The second DTI band now runs to below 0.85 while the first still starts at 0.8: the rows overlap.
        await Expect(page.Locator($"#{Band}-1-below")).ToHaveValueAsync("0,8");
        await page.FillAsync($"#{Band}-1-below", "0.85");
        await page.FillAsync($"#{Band}-1-label", "Từ 0,70 đến dưới 0,85");
        await page.ClickAsync("#luu");
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("Đã lưu (lần lưu thứ 2). 1 lỗi");
        var overlap = page.Locator($"#{Band}-1-loi li[data-code='RS0504']");
        await Expect(overlap).ToContainTextAsync("chồng lên nhau");
        await Expect(overlap).ToContainTextAsync("Cách sửa:");
        await Expect(page.Locator($"tr.diag-row[data-for='$.sections[1].criteria[0].bands[1]']")).ToBeVisibleAsync();
        Assert.That(await page.Locator($"tr#{Band}-1 + tr.diag-row").CountAsync(), Is.EqualTo(1), "the diagnostic sits right under its band row");
        await Expect(page.Locator("#nut-cong-bo")).ToBeDisabledAsync();
        await Expect(page.Locator("#chua-cong-bo-duoc")).ToContainTextAsync("Còn 1 lỗi");
        await overlap.ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(page, "3-bac-chong-nhau.png", fullPage: false);
        await browser.ScreenshotAsync(page, "3b-bac-chong-nhau-ca-trang.png");

        // The fix the maintainer meant: the top band starts at 0.85.
        await page.FillAsync($"#{Band}-0-atLeast", "0.85");
        await page.FillAsync($"#{Band}-0-label", "Từ 0,85 trở lên");
        await page.ClickAsync("#luu");
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("Đã lưu (lần lưu thứ 3). Không có lỗi hay cảnh báo");
        await Expect(page.Locator(".diag li")).ToHaveCountAsync(0);
        await Expect(page.Locator("#nut-cong-bo")).ToBeEnabledAsync();
        await Expect(page.Locator("#ma-bam-du-kien")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await browser.ScreenshotAsync(page, "4-da-sua.png", fullPage: false);

        // The JSON view holds the same draft.
        await page.ClickAsync("#tab-json");
        await Expect(page.Locator("#json")).ToHaveValueAsync(new Regex("\"atLeast\": 0\\.85"));
        await Expect(page.Locator("#json")).ToHaveValueAsync(new Regex("\"version\": \"1\\.2\\.0\""));
        await browser.ScreenshotAsync(page, "5-json.png", fullPage: false);

        // The simulator: 2025 scored with 1.1.0 and the draft side by side; xa-b overtakes xa-a, nothing is stored.
        var runsBefore = await browser.Host.WithDbAsync(db => db.ScoringRuns.CountAsync());
        await page.ClickAsync("#tab-cham-thu");
        await page.SelectOptionAsync("#nam", "2025");
        await Expect(page.Locator("#so-voi")).ToHaveValueAsync("1.1.0");
        await page.ClickAsync("#cham-thu");
        await Expect(page.Locator("#tom-tat")).ToContainTextAsync("2 đơn vị đổi thứ hạng");
        var cluster = page.Locator("table.ket-qua-cham-thu[data-group='cum-1']");
        await Expect(cluster.Locator("tbody tr").First).ToHaveAttributeAsync("data-unit", "xa-b");
        await Expect(cluster.Locator("tr[data-unit='xa-b'] td").Nth(0)).ToHaveTextAsync("2 → 1");
        await Expect(cluster.Locator("tr[data-unit='xa-b'] td").Nth(1)).ToHaveTextAsync("14,5 → 14,5");
        await Expect(cluster.Locator("tr[data-unit='xa-b'] .thay-doi")).ToHaveTextAsync("lên 1 hạng");
        await Expect(cluster.Locator("tr[data-unit='xa-a'] td").Nth(0)).ToHaveTextAsync("1 → 2");
        await Expect(cluster.Locator("tr[data-unit='xa-a'] td").Nth(1)).ToHaveTextAsync("16 → 13,5");
        await Expect(cluster.Locator("tr[data-unit='xa-a'] .thay-doi")).ToHaveTextAsync("xuống 1 hạng");
        await browser.ScreenshotAsync(page, "6-cham-thu.png");
        Assert.That(await browser.Host.WithDbAsync(db => db.ScoringRuns.CountAsync()), Is.EqualTo(runsBefore), "the simulator stores no run");

        // Publish: immutable, the hash shown; the draft becomes the published 1.2.0.
        await page.ClickAsync("#tab-sua");
        var expectedHash = await page.Locator("#ma-bam-du-kien").TextContentAsync();
        await page.ClickAsync("#nut-cong-bo");
        await Expect(page).ToHaveURLAsync(new Regex("/quy-tac$"));
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync($"Đã công bố {TestData.RuleSetId} phiên bản 1.2.0; mã băm SHA-256: {expectedHash}");
        await Expect(list.Locator("tr[data-version='1.2.0']")).ToHaveAttributeAsync("data-status", "cong-bo");
        await browser.ScreenshotAsync(page, "7-da-cong-bo.png");
        using (var anonymous = browser.Host.CreateClient())
        {
            var versions = await anonymous.GetFromJsonAsync<List<RuleSetVersionDto>>("/api/rule-sets");
            Assert.That(versions!.Single(v => v.Version == "1.2.0").Sha256, Is.EqualTo(expectedHash), "the API serves the version the page published");
        }

        // The diff in words between the two published versions, with the year's rank impact.
        await list.Locator("a.wb-compare").ClickAsync();
        await page.SelectOptionAsync("#tu", "1.1.0");
        await page.SelectOptionAsync("#den", "1.2.0");
        await page.SelectOptionAsync("#nam", "2025");
        await page.ClickAsync("#so-sanh");
        await Expect(page.Locator("#danh-sach-thay-doi")).ToContainTextAsync("II.1");
        await Expect(page.Locator("#danh-sach-thay-doi")).ToContainTextAsync("0,85");
        await Expect(page.Locator("#anh-huong tr[data-unit='xa-b'] td").Nth(1)).ToHaveTextAsync("2 → 1");
        await browser.ScreenshotAsync(page, "8-so-sanh.png");
    }

    [Test]
    public async Task OnAPhone_TheEditorIsOneColumn_AndEveryFieldIsLabelled()
    {
        var page = await browser.NewPageAsync(390, 844);
        password = await browser.SignInAsync(page, "canbo.son-la", password, "CanBoSonLa2026Moi");
        await page.GotoAsync(browser.Url(WorkbenchPaths.NewVersion(TestData.RuleSetId, "1.1.0")));
        await page.FillAsync("#NewVersion", "1.1.1");
        await page.ClickAsync("#tao");
        await Expect(page.Locator("h1")).ToContainTextAsync("Bản nháp phiên bản 1.1.1");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.That(width, Is.LessThanOrEqualTo(390), "nothing wider than the phone's screen");
        var unlabelled = await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('#bieu-mau input:not([type=hidden]), #bieu-mau select')].filter(e => !document.querySelector(`label[for='${e.id}']`)).length");
        Assert.That(unlabelled, Is.Zero, "every input has its label");
        await page.Locator($"#{Band}-0-points").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(page, "9-dien-thoai.png", fullPage: false);
    }
}
