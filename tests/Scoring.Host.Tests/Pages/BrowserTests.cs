using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.Pages;

/// <summary>
/// A person's path through the public pages in Debian's Chromium against a real Kestrel server:
/// home → search a unit → its card, which shows rank, total and the engine's reasons.
/// </summary>
[TestFixture]
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>How long to wait for the browser on a loaded shared machine; a wait, not a time limit on the pages.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private ScoringHostFactory host = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private Uri baseUrl = null!;

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Fail($"{Chromium} is missing; install it once with `bash scripts/install-prerequisites.sh` (as root).");
        }

        host = new ScoringHostFactory();
        host.UseKestrel(0);
        host.StartServer();
        baseUrl = host.ClientOptions.BaseAddress;
        await PublishedSite.PrepareAsync(host);

        // Web-first assertions poll the page until it matches; waiting for a load event after a click raced on a loaded machine.
        SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Timeout = (float)Patience.TotalMilliseconds,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    [OneTimeTearDown]
    public async Task StopServerAndBrowser()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        host?.Dispose();
    }

    [Test]
    public async Task Home_Search_Card_ShowsRankTotalAndReasons()
    {
        using var api = host.CreateClient();
        var card = await api.GetFromJsonAsync<JsonElement>("/api/tenants/son-la/results/2025/units/xa-a");
        // The API's card carries the explanation as data; the page shows it as the engine's one renderer writes it.
        var score = RunJson.Deserialize<Scoring.Engine.Results.UnitScore>(card.GetRawText());
        var reason = Display.Reason(score.Sections[0].Criteria[0]);
        var page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });

        await page.GotoAsync(baseUrl.ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kết quả chấm điểm thi đua đổi mới sáng tạo và chuyển đổi số");
        await Screenshot(page, "trang-chu.png");

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
        await Screenshot(page, "phieu-diem.png");

        await page.ClickAsync("nav.crumbs a[href='/ket-qua/son-la/2025']");
        await Expect(page).ToHaveURLAsync(new Regex("/ket-qua/son-la/2025$"));
        await Expect(page.Locator("table[data-group='cum-1'] tbody tr").First).ToHaveAttributeAsync("data-unit", "xa-a");
        await Screenshot(page, "ket-qua.png");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(new Uri(baseUrl, "/ket-qua/son-la/2025/xa-a").ToString());
        await Screenshot(page, "phieu-diem-dien-thoai.png", fullPage: false);
        await page.GotoAsync(new Uri(baseUrl, "/ket-qua/son-la/2025").ToString());
        await Screenshot(page, "ket-qua-dien-thoai.png", fullPage: false);
    }

    [Test]
    public async Task RuleSetPage_AndNotFoundPage_RenderInTheBrowser()
    {
        var page = await NewPageAsync(new BrowserNewPageOptions());

        await page.GotoAsync(new Uri(baseUrl, "/bo-tieu-chi").ToString());
        await page.ClickAsync("table a");
        await Expect(page.Locator("tr[data-criterion='I.1']")).ToHaveCountAsync(1);
        await Screenshot(page, "bo-tieu-chi.png");

        var missing = await page.GotoAsync(new Uri(baseUrl, "/ket-qua/son-la/2025/xa-c").ToString());
        Assert.That(missing!.Status, Is.EqualTo(404));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Không tìm thấy trang (404)");
        await Screenshot(page, "khong-tim-thay.png");
    }

    private async Task<IPage> NewPageAsync(BrowserNewPageOptions options)
    {
        var page = await browser.NewPageAsync(options);
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        page.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return page;
    }

    private static async Task Screenshot(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(0));
        TestContext.AddTestAttachment(path);
    }
}
