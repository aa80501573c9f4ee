using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.Workbench;

/// <summary>
/// The simulator on the host's samples in Debian's Chromium: a maintainer of Sơn La, with nothing of the tenant's data
/// stored, chooses "dữ liệu mẫu (samples)" and 2026, and sees the catalog's 1.1.0 and the draft 1.2.0 (I.1 deducting more
/// for a late plan) side by side, the changed units marked; on a
/// phone the page fits the screen. Nothing is stored.
/// </summary>
[TestFixture]
public sealed class WorkbenchSamplesBrowserTests
{
    private BrowserHost browser = null!;
    private string password = "";

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        browser = await BrowserHost.StartAsync("quy-tac-mau", settings: new Dictionary<string, string?> { ["Seed:SamplesDirectory"] = WorkbenchSamplesSimulatorTests.SamplesRoot });
        (password, _) = await WorkbenchSamplesSimulatorTests.SeedAsync(browser.Host);
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
    public async Task Maintainer_ChoosesTheSamples_AndSeesBothVersionsSideBySide()
    {
        var runsBefore = await browser.Host.WithDbAsync(db => db.ScoringRuns.CountAsync());
        var page = await browser.NewPageAsync();
        password = await browser.SignInAsync(page, "canbo.son-la", password, "CanBoSonLa2026Moi");
        await page.GotoAsync(browser.Url(WorkbenchPaths.Editor(WorkbenchSamplesSimulatorTests.RuleSetId, "1.2.0")));
        await page.ClickAsync("#tab-cham-thu");
        await Expect(page.Locator("#nguon legend")).ToHaveTextAsync("Nguồn dữ liệu");
        await Expect(page.Locator("#nguon-da-luu")).ToBeCheckedAsync();
        await Expect(page.Locator("#mau-co")).ToContainTextAsync("Dữ liệu mẫu của 'son-la' (thư mục son-la) có các năm 2025, 2026, 2027");
        await page.CheckAsync("#nguon-mau");
        await page.SelectOptionAsync("#nam", "2026");
        await Expect(page.Locator("#so-voi")).ToHaveValueAsync("1.1.0");
        await page.ClickAsync("#cham-thu");
        await Expect(page).ToHaveURLAsync(new Regex("nguon=mau"));
        await Expect(page.Locator("#tom-tat")).ToContainTextAsync(new Regex(@"^Năm 2026 \(dữ liệu mẫu\): \d+ đơn vị; \d+ đơn vị có thay đổi"));
        await Expect(page.Locator("#nguon-mau")).ToBeCheckedAsync();
        var tables = page.Locator("table.ket-qua-cham-thu");
        Assert.That(await tables.CountAsync(), Is.GreaterThan(0), "one table per cluster");
        // The draft deducts 2 points a week late instead of 1: some units lose points and are marked as changed.
        await Expect(page.Locator("#tom-tat")).ToContainTextAsync(new Regex(@"; [1-9]\d* đơn vị có thay đổi"));
        Assert.That(await page.Locator("table.ket-qua-cham-thu tr.changed").CountAsync(), Is.GreaterThan(0), "the changed units are marked");
        var firstRow = tables.First.Locator("tbody tr").First;
        await Expect(firstRow.Locator("td").Nth(0)).ToHaveTextAsync(new Regex(@"^(\d+|—)( \(đồng hạng\))? → \d+"));
        await Expect(firstRow.Locator("td").Nth(1)).ToHaveTextAsync(new Regex(@"^[\d.,]+ → [\d.,]+$"));
        await browser.ScreenshotAsync(page, "1-cham-thu-du-lieu-mau.png", fullPage: false);

        var phone = await browser.NewPageAsync(390, 844);
        await browser.SignInAsync(phone, "canbo.son-la", password);
        await phone.GotoAsync(page.Url);
        await Expect(phone.Locator("#tom-tat")).ToContainTextAsync("(dữ liệu mẫu)");
        Assert.That(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(390), "nothing wider than the phone's screen");
        await browser.ScreenshotAsync(phone, "2-dien-thoai.png", fullPage: false);
        Assert.That(await browser.Host.WithDbAsync(db => db.ScoringRuns.CountAsync()), Is.EqualTo(runsBefore), "the simulator stores no run");
    }
}
