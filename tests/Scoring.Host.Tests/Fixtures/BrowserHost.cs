using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>
/// The real service on Kestrel (SQLite or PostgreSQL) and Debian's Chromium driven by Playwright: what every browser test
/// starts the same way. Start it in a fixture's OneTimeSetUp, seed through <see cref="Host"/>, open pages with
/// <see cref="NewPageAsync"/>, and dispose it in OneTimeTearDown.
/// <code>
/// browser = await BrowserHost.StartAsync("cong-khai");
/// var page = await browser.NewPageAsync();
/// await page.GotoAsync(browser.Url("/"));
/// await browser.ScreenshotAsync(page, "trang-chu.png");
/// </code>
/// </summary>
internal sealed class BrowserHost : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>How long to wait for the browser on a loaded shared machine; a wait, not a time limit on the pages.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly string screenshots;

    private BrowserHost(ScoringHostFactory host, IPlaywright playwright, IBrowser browser, string screenshots)
    {
        Host = host;
        this.playwright = playwright;
        this.browser = browser;
        this.screenshots = screenshots;
    }

    /// <summary>The service under test, on a real port; seed it through its API or services.</summary>
    public ScoringHostFactory Host { get; }

    public Uri BaseUrl => Host.ClientOptions.BaseAddress;

    /// <summary>
    /// Starts a fresh service (an empty database; PostgreSQL from the shared cluster when asked) and Chromium.
    /// Screenshots go to the test results under screenshots/<paramref name="folder"/>.
    /// </summary>
    public static async Task<BrowserHost> StartAsync(string folder, Backend backend = Backend.Sqlite, IDictionary<string, string?>? settings = null)
    {
        if (!File.Exists(Chromium))
        {
            Assert.Fail($"{Chromium} is missing; install it once with `bash scripts/install-prerequisites.sh` (as root).");
        }

        var host = new ScoringHostFactory(backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null, settings: settings);
        try
        {
            host.UseKestrel(0);
            host.StartServer();

            // Web-first assertions poll the page until it matches; waiting for a load event after a click raced on a loaded machine.
            SetDefaultExpectTimeout((float)Patience.TotalMilliseconds);
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Timeout = (float)Patience.TotalMilliseconds,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return new BrowserHost(host, playwright, browser, folder);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The absolute address of a path on the service.</summary>
    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    /// <summary>A page in its own browser context (its own cookies), in vi-VN, accepting downloads.</summary>
    public async Task<IPage> NewPageAsync(int width = 1200, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        page.SetDefaultNavigationTimeout((float)Patience.TotalMilliseconds);
        return page;
    }

    /// <summary>Creates an account through the service's own account service and returns its generated initial password.</summary>
    public async Task<string> CreateAccountAsync(NewAccount account)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync("test", account, CancellationToken.None);
        Assert.That(created.Errors, Is.Empty, $"account {account.UserName}");
        return created.Password!;
    }

    /// <summary>
    /// Signs in at /dang-nhap and lands on the workspace home (/lam-viec). When the account must change its initial password,
    /// changes it to <paramref name="newPassword"/> (required then); returns the password the account now has.
    /// </summary>
    public async Task<string> SignInAsync(IPage page, string user, string password, string? newPassword = null)
    {
        await page.GotoAsync(Url("/dang-nhap"));
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form.panel button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/(lam-viec|doi-mat-khau)"));
        if (page.Url.Contains("/doi-mat-khau", StringComparison.Ordinal))
        {
            Assert.That(newPassword, Is.Not.Null, $"{user} must change its initial password; pass the new one");
            await page.FillAsync("#current", password);
            await page.FillAsync("#next", newPassword!);
            await page.FillAsync("#confirm", newPassword!);
            await page.ClickAsync("form.panel button[type=submit]");
            password = newPassword!;
        }

        await Expect(page).ToHaveURLAsync(new Regex("/lam-viec$"));
        return password;
    }

    /// <summary>Saves a screenshot under the test results' screenshots/&lt;folder&gt; and attaches it to the current test.</summary>
    public async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var path = ResultPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(0));
        TestContext.AddTestAttachment(path);
    }

    /// <summary>Where a file kept with the test results (a download, a PDF) goes: screenshots/&lt;folder&gt;/<paramref name="name"/>.</summary>
    public string ResultPath(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", screenshots);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        Host.Dispose();
    }
}
