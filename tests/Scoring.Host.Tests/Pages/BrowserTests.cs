using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scoring.Host.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.Pages;

/// <summary>
/// A person's path through the public pages in Debian's Chromium against a real Kestrel server:
/// home → search a unit → its card, which shows rank, total and the engine's reasons.
/// </summary>
[TestFixture]
public sealed class BrowserTests
{
    private BrowserHost browser = null!;
    private ScoringHostFactory host = null!;

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        browser = await BrowserHost.StartAsync("");
        host = browser.Host;
        await PublishedSite.PrepareAsync(host);
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
    public async Task Home_Search_Card_ShowsRankTotalAndReasons()
    {
        using var api = host.CreateClient();
        var card = await api.GetFromJsonAsync<JsonElement>("/api/tenants/son-la/results/2025/units/xa-a");
        // The API's card carries the explanation as data; the page shows it as the engine's one renderer writes it.
        var score = RunJson.Deserialize<Scoring.Engine.Results.UnitScore>(card.GetRawText());
        var reason = Display.Reason(score.Sections[0].Criteria[0]);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(browser.Url("/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kết quả chấm điểm thi đua đổi mới sáng tạo và chuyển đổi số");
        await browser.ScreenshotAsync(page, "trang-chu.png");

        await page.FillAsync("#q", "Chiềng Cơi");
        await page.ClickAsync("form.search button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/tim-kiem\\?q="));
        await Expect(page.Locator("tr.match")).ToHaveCountAsync(1);
        await page.ClickAsync("tr[data-unit='xa-a'] a.card-link");
        await Expect(page).ToHaveURLAsync(new Regex("/ket-qua/son-la/2025/xa-a$"));

        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^Phiếu điểm: Xã Chiềng Cơi"));
        await Expect(page.Locator("#rank")).ToHaveTextAsync(card.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#total")).ToHaveTextAsync(
            card.GetProperty("total").GetDecimal().ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ','));
        var shownReason = page.Locator("tr[data-criterion='I.1'] td.reason");
        Assert.That(reason, Is.Not.Null.And.Not.Empty);
        await Expect(shownReason).ToBeVisibleAsync();
        await Expect(shownReason).ToHaveTextAsync(reason!.Trim());
        await browser.ScreenshotAsync(page, "phieu-diem.png");

        await page.ClickAsync("nav.crumbs a[href='/ket-qua/son-la/2025']");
        await Expect(page).ToHaveURLAsync(new Regex("/ket-qua/son-la/2025$"));
        await Expect(page.Locator("table[data-group='cum-1'] tbody tr").First).ToHaveAttributeAsync("data-unit", "xa-a");
        await browser.ScreenshotAsync(page, "ket-qua.png");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(browser.Url("/ket-qua/son-la/2025/xa-a"));
        await browser.ScreenshotAsync(page, "phieu-diem-dien-thoai.png", fullPage: false);
        await page.GotoAsync(browser.Url("/ket-qua/son-la/2025"));
        await browser.ScreenshotAsync(page, "ket-qua-dien-thoai.png", fullPage: false);
    }

    [Test]
    public async Task RuleSetPage_AndNotFoundPage_RenderInTheBrowser()
    {
        var page = await browser.NewPageAsync(1280, 720);

        await page.GotoAsync(browser.Url("/bo-tieu-chi"));
        await page.ClickAsync("table a");
        await Expect(page.Locator("tr[data-criterion='I.1']")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(page, "bo-tieu-chi.png");

        var missing = await page.GotoAsync(browser.Url("/ket-qua/son-la/2025/xa-c"));
        Assert.That(missing!.Status, Is.EqualTo(404));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không tìm thấy trang (404)");
        await browser.ScreenshotAsync(page, "khong-tim-thay.png");
    }
}
