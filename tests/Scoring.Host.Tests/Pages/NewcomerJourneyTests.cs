using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Scoring.Host.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.Pages;

/// <summary>
/// The newcomer's path of the README in real Chromium: the service starts empty with Sơn La's samples (the first
/// command), prints its demo accounts once, and the newcomer does one cluster's year in the browser with them. The demo
/// unit signs in with its printed password and must change it, fills in its 2026 report from the rule set's form (the
/// values the samples would have loaded for it, typed as a person types them), sees its "tạm tính", attaches evidence and
/// submits; the demo secretariat signs in (forced change too), finds the report on its cluster's board and returns it with
/// a comment; the unit reads the comment, revises a value and submits again; the secretariat reviews and locks it, scores
/// the cluster and reads the ranking with the change against the published 2025 results; the unit then sees
/// its card. Every step asserts what the page shows and keeps a screenshot.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class NewcomerJourneyTests
{
    private const int Year = 2026;
    private BrowserHost browser = null!;
    private string samples = null!;
    private string demoGroup = null!;
    private string demoUnit = null!;
    private List<(string Indicator, string Value)> demoValues = null!;
    private Dictionary<string, string> printed = null!;

    [OneTimeSetUp]
    public async Task StartAsTheReadmeSays()
    {
        samples = Directory.CreateTempSubdirectory("scoring-newcomer-").FullName;
        PrepareSamples();

        // The demo accounts are printed to the console once, at the first start; read them there as a newcomer does.
        var console = Console.Out;
        var output = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(output));
        try
        {
            browser = await BrowserHost.StartAsync("nguoi-moi", settings: new Dictionary<string, string?>
            {
                ["Seed:Enabled"] = "true",
                ["Seed:SamplesDirectory"] = samples,
                ["Seed:CatalogDirectory"] = Path.Combine(TestData.RepositoryRoot, "rules-catalog"),
            });
        }
        finally
        {
            Console.SetOut(console);
        }

        printed = DemoAccounts(output.ToString());
        Assert.That(printed.Keys, Is.SupersetOf(new[] { "quantri", "canbo.son-la", "thuky.son-la", "donvi.son-la" }), output.ToString());
        TestContext.Out.WriteLine($"Demo unit {demoUnit} of {demoGroup}; accounts: {string.Join(", ", printed.Keys)}");

        // The newcomer's "today": 1 October 2026, 40 days before Sơn La's report deadline of 10 November.
        browser.Host.Clock.Now = Instant.FromUtc(Year, 10, 1, 3, 0);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        Directory.Delete(samples, true);
    }

    [Test]
    public async Task Newcomer_UnitReports_SecretariatLocksScoresAndRanks_InTheBrowser()
    {
        var host = browser.Host;
        var unitName = await host.WithDbAsync(db => db.Units.Where(u => u.TenantCode == "son-la" && u.Code == demoUnit).Select(u => u.Name).SingleAsync());
        var page = await browser.NewPageAsync();

        // 1. The unit signs in with its printed password and must choose its own.
        await page.GotoAsync(browser.Url("/"));
        await page.ClickAsync("#nav-dang-nhap");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await page.FillAsync("#userName", "donvi.son-la");
        await page.FillAsync("#password", printed["donvi.son-la"]);
        await browser.ScreenshotAsync(page, "01-don-vi-dang-nhap.png");
        await page.ClickAsync("form.panel button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/doi-mat-khau"));
        await Expect(page.Locator("#phai-doi")).ToContainTextAsync("mật khẩu ban đầu");
        await browser.ScreenshotAsync(page, "02-don-vi-doi-mat-khau.png");
        await page.FillAsync("#current", printed["donvi.son-la"]);
        await page.FillAsync("#next", "DonViMoi2026");
        await page.FillAsync("#confirm", "DonViMoi2026");
        await page.ClickAsync("form.panel button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/lam-viec$"));
        await Expect(page.Locator("#vai-tro")).ToHaveTextAsync("Đơn vị");
        await browser.ScreenshotAsync(page, "03-don-vi-trang-lam-viec.png");

        // 2. Its 2026 report: deadline, days left, nothing filed yet.
        await page.ClickAsync("#viec a:has-text('Báo cáo thi đua của đơn vị')");
        await Expect(page.Locator("h1")).ToContainTextAsync($"Báo cáo thi đua năm {Year}: {unitName}");
        await Expect(page.Locator("#han-nop")).ToHaveTextAsync("10/11/2026");
        await Expect(page.Locator("#con-lai")).ToHaveTextAsync("còn 40 ngày");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("chưa có báo cáo");

        // 3. Types its values as a person does (dd/MM/yyyy, decimal comma, có/không); imported ones are read-only.
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (indicator, value) in demoValues)
        {
            var field = page.Locator($"#gt-{indicator}");
            if (await field.CountAsync() == 0 || !await field.IsEditableAsync())
            {
                continue;
            }

            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await field.SelectOptionAsync(new SelectOptionValue { Value = value == "true" ? "có" : "không" });
            }
            else
            {
                await field.FillAsync(AsTyped(value));
            }

            typed[indicator] = value;
        }

        Assert.That(typed, Has.Count.GreaterThan(5), "the demo unit has self-reported values to type");
        await Expect(page.Locator("#tam-tinh-tong")).ToBeVisibleAsync();
        await Expect(page.Locator("#tam-tinh tr[data-criterion]").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "04-don-vi-nhap-va-tam-tinh.png");
        await page.ClickAsync("#luu-nhap");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã lưu nháp.");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("nháp");

        Assert.That(typed.Keys, Does.Contain("communicationItems"), "the revision below changes it");
        var evidenceFor = typed.Keys.First(k => k == "staffTrained" || k == "communicationItems");
        await page.SetInputFilesAsync($"#tep-{evidenceFor}", new FilePayload { Name = "bao-cao-kem-theo.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 bao cao"u8.ToArray() });
        await page.ClickAsync($"[data-indicator='{evidenceFor}'] button:has-text('Đính kèm')");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã đính kèm minh chứng.");
        await page.ClickAsync("#gui-bao-cao");
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("Đã gửi báo cáo.");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("đã gửi");
        await Expect(page.Locator("#gui-luc")).ToHaveTextAsync("01/10/2026 10:00");
        await browser.ScreenshotAsync(page, "05-don-vi-da-gui.png");
        await page.ClickAsync("#nav-dang-xuat");
        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap$"));

        // 4. The secretariat signs in (forced change too) and finds the report on its cluster's board.
        await page.FillAsync("#userName", "thuky.son-la");
        await page.FillAsync("#password", printed["thuky.son-la"]);
        await page.ClickAsync("form.panel button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/doi-mat-khau"));
        await page.FillAsync("#current", printed["thuky.son-la"]);
        await page.FillAsync("#next", "ThuKyMoi2026");
        await page.FillAsync("#confirm", "ThuKyMoi2026");
        await page.ClickAsync("form.panel button[type=submit]");
        await Expect(page.Locator("#vai-tro")).ToHaveTextAsync("Thư ký cụm/khối thi đua");
        await page.ClickAsync("#viec a[href='/thu-ky']");
        await page.ClickAsync($"#cum-khoi a[data-group='{demoGroup}'][data-year='{Year}']");
        await Expect(page.Locator("h1")).ToContainTextAsync($"năm {Year}");
        var members = await host.WithDbAsync(db => db.Groups.Where(g => g.TenantCode == "son-la" && g.Year == Year && g.Code == demoGroup).SelectMany(g => g.Members).CountAsync());
        await Expect(page.Locator("#bang-ho-so tbody tr")).ToHaveCountAsync(members);
        await Expect(page.Locator($"#bang-ho-so tr[data-unit='{demoUnit}']")).ToHaveAttributeAsync("data-status", "da-nop");
        await browser.ScreenshotAsync(page, "06-thu-ky-bang-ho-so.png");

        // 5. Opens it: values named by the rule set's titles, the evidence; reviews and locks it.
        await page.ClickAsync($"#bang-ho-so tr[data-unit='{demoUnit}'] a");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Hồ sơ của {unitName}, năm {Year}");
        if (typed.ContainsKey("staffTrained"))
        {
            await Expect(page.Locator("#so-lieu tr[data-indicator='staffTrained'] th")).ToContainTextAsync("Số cán bộ, công chức, viên chức hoàn thành");
        }

        await Expect(page.Locator("#minh-chung a")).ToHaveTextAsync("bao-cao-kem-theo.pdf");

        // 5a. Returns it with a comment; the unit reads the comment, revises one value and submits again.
        const string comment = "Đề nghị rà soát lại số tin, bài tuyên truyền và gửi lại.";
        await page.FillAsync("#Comments", comment);
        await page.ClickAsync("#tra-lai button");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("Bị trả lại");
        await Expect(page.Locator("#y-kien")).ToHaveTextAsync(comment);
        await browser.ScreenshotAsync(page, "06b-thu-ky-tra-lai.png");
        await page.ClickAsync("#nav-dang-xuat");
        await browser.SignInAsync(page, "donvi.son-la", "DonViMoi2026");
        await page.ClickAsync("#viec a:has-text('Báo cáo thi đua của đơn vị')");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("bị trả lại");
        await Expect(page.Locator("#y-kien")).ToContainTextAsync(comment);
        await Expect(page.Locator("#gt-communicationItems")).ToBeEditableAsync();
        await page.FillAsync("#gt-communicationItems", "96");
        await page.ClickAsync("#luu-nhap");
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã lưu nháp.");
        await page.ClickAsync("#gui-bao-cao");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("đã gửi");
        await Expect(page.Locator("#gt-communicationItems")).ToHaveValueAsync("96");
        await browser.ScreenshotAsync(page, "06c-don-vi-gui-lai.png");
        await page.ClickAsync("#nav-dang-xuat");
        await browser.SignInAsync(page, "thuky.son-la", "ThuKyMoi2026");
        await page.GotoAsync(browser.Url($"/thu-ky/son-la/{Year}/{demoGroup}/don-vi/{demoUnit}"));
        await Expect(page.Locator("#quy-trinh")).ToHaveTextAsync("Đã gửi, chờ thẩm định");
        await Expect(page.Locator("#so-lieu tr[data-indicator='communicationItems'] td.gia-tri")).ToHaveTextAsync("96");

        await page.ClickAsync("#tham-dinh button");
        await Expect(page.Locator("#quy-trinh")).ToHaveTextAsync("Đã thẩm định");
        await page.ClickAsync("#khoa button");
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("Đã khóa");
        await browser.ScreenshotAsync(page, "07-thu-ky-da-khoa.png");

        // 6. Scores the cluster with one action and reads the ranking, with the change against the published 2025 results.
        await page.ClickAsync("nav.crumbs a:nth-of-type(2)");
        await page.ClickAsync("#cham-diem button");
        await Expect(page).ToHaveURLAsync(new Regex($"/thu-ky/luot-cham/\\d+/{demoGroup}$"));
        await Expect(page.Locator("#tinh-trang")).ToHaveTextAsync("Đã chấm xong");
        await Expect(page.Locator("#xep-hang tbody tr")).ToHaveCountAsync(members);
        var runId = long.Parse(Regex.Match(page.Url, "/luot-cham/(\\d+)/").Groups[1].Value, CultureInfo.InvariantCulture);
        var now = await host.WithDbAsync(db => db.UnitResults.SingleAsync(r => r.RunId == runId && r.UnitCode == demoUnit));
        var before = await host.WithDbAsync(db => db.UnitResults.Where(r => r.UnitCode == demoUnit && r.GroupCode == demoGroup)
            .Join(db.ScoringRuns.Where(s => s.Year == Year - 1 && s.PublishedAt != null), r => r.RunId, s => s.Id, (r, _) => r).SingleAsync());
        var row = page.Locator($"#xep-hang tr[data-unit='{demoUnit}']");
        await Expect(row.Locator("td.rank")).ToHaveTextAsync(new Regex($"^{now.Rank}"));
        await Expect(row.Locator("td.total")).ToHaveTextAsync(Display.Number(now.Total));
        await Expect(row.Locator("td.change")).ToContainTextAsync($"hạng {before.Rank} → {now.Rank}");
        await Expect(page.Locator("#bieu-do-tong rect.bar").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "08-thu-ky-xep-hang.png");
        await page.ClickAsync("#nav-dang-xuat");

        // 7. The unit sees its card before publication, with the same rank and total.
        await browser.SignInAsync(page, "donvi.son-la", "DonViMoi2026");
        await page.GotoAsync(browser.Url($"/don-vi/son-la/{demoUnit}"));
        await Expect(page.Locator("#tieu-de-ket-qua")).ToHaveTextAsync("Kết quả chấm (chưa công bố)");
        await Expect(page.Locator("#ket-qua-tong")).ToHaveTextAsync(Display.Number(now.Total));
        await Expect(page.Locator("#trang-thai")).ToHaveTextAsync("đã khóa");
        await browser.ScreenshotAsync(page, "09-don-vi-ket-qua.png");
    }

    /// <summary>
    /// Sơn La's sample folder as the README's start loads it, except that the demo unit (the first unit of the first cluster,
    /// as the service's demo accounts pick it) has not filed its 2026 report: those values are what the newcomer types.
    /// </summary>
    private void PrepareSamples()
    {
        var source = Path.Combine(TestData.RepositoryRoot, "samples", "son-la");
        var target = Directory.CreateDirectory(Path.Combine(samples, "son-la")).FullName;
        var latest = Directory.GetFiles(source, "groups-*.csv").Order(StringComparer.Ordinal).Last();
        var first = File.ReadAllLines(latest).Skip(1).Select(l => l.Split(',')).OrderBy(c => c[0], StringComparer.Ordinal).ThenBy(c => c[3], StringComparer.Ordinal).First();
        (demoGroup, demoUnit) = (first[0], first[3]);
        demoValues = [];
        foreach (var file in Directory.GetFiles(source))
        {
            var name = Path.GetFileName(file);
            if (name is not ("submissions-2026.csv" or "reports-2026.csv"))
            {
                File.Copy(file, Path.Combine(target, name));
                continue;
            }

            var lines = File.ReadAllLines(file, Encoding.UTF8);
            bool Mine(string line) => line.StartsWith(demoUnit + ",", StringComparison.Ordinal);
            var mine = lines.Where(Mine).ToList();
            if (name.StartsWith("submissions", StringComparison.Ordinal))
            {
                demoValues = [.. mine.Select(l => l.Split(',')).Select(c => (c[1], c[2]))];
            }

            File.WriteAllLines(Path.Combine(target, name), lines.Where(l => !Mine(l)), Encoding.UTF8);
        }

        Assert.That(demoValues, Is.Not.Empty, $"{demoUnit} has 2026 values in the samples");
    }

    /// <summary>The "user password role" lines under the service's "Tài khoản dùng thử" heading.</summary>
    private static Dictionary<string, string> DemoAccounts(string console)
    {
        var start = console.IndexOf("Tài khoản dùng thử", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the first start prints the demo accounts:\n" + console);
        return AccountLine().Matches(console[start..]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
    }

    /// <summary>A stored value as a person types it into the form: dd/MM/yyyy dates and a decimal comma.</summary>
    private static string AsTyped(string value) =>
        Regex.IsMatch(value, "^\\d{4}-\\d{2}-\\d{2}$") ? $"{value[8..10]}/{value[5..7]}/{value[..4]}" : value.Replace('.', ',');

    [GeneratedRegex("^\\s{2}(\\S+)\\s+(\\S+)\\s{2}", RegexOptions.Multiline)]
    private static partial Regex AccountLine();
}
