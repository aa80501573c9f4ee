using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Scoring.Host.RuleSetExcel;
using Scoring.Host.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.Workbench;

/// <summary>
/// The maintainer's imports in Debian's Chromium against the real service: a province's Excel scoring table becomes a
/// draft with its unread row listed beside it, which the maintainer finishes in the structured editor until the draft has
/// no diagnostic; a published version downloads as the template; a RulesEngine workflow written as RulesEngine's README
/// writes it becomes a draft with its refused rules listed; a file that is not a workbook is refused on the page; the
/// import page on a phone.
/// </summary>
[TestFixture]
public sealed class WorkbenchImportBrowserTests
{
    private const string Target = TestData.Tenant + "/dmst-cds-2025-2030";
    private BrowserHost browser = null!;
    private string password = "";

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        browser = await BrowserHost.StartAsync("quy-tac-nhap");
        await TestData.SeedAsync(browser.Host);
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

    /// <summary>A province's table as they write it: a title, the four columns (and two optional), one row the importer cannot read.</summary>
    private static byte[] ProvinceTable() => Xlsx.WriteSheet(ScoringTableTemplate.TableSheet,
        ["BẢNG CHẤM ĐIỂM THI ĐUA CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2026"],
        [],
        ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Cách chấm", "Giá trị chấm", "Căn cứ"],
        ["I", "Dịch vụ công trực tuyến", "20"],
        ["1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "10", "Từ 80% trở lên: 10 điểm; từ 50% đến dưới 80%: 6 điểm; còn lại: 0 điểm", "onlineRate", "Mục II.1"],
        ["2", "Tổ chức diễn tập an toàn thông tin", "10", "Có tổ chức diễn tập, có biên bản thì được điểm tối đa", "", "Mục II.2"]);

    [Test]
    public async Task Maintainer_ImportsAnExcelTable_FinishesTheUnreadRow_AndDownloadsTheTemplate()
    {
        var page = await browser.NewPageAsync();
        password = await browser.SignInAsync(page, "canbo.son-la", password, "CanBoSonLa2026Moi");
        await page.GotoAsync(browser.Url(WorkbenchPaths.Index));
        await page.ClickAsync("#nhap-tu-tep");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Nhập bộ tiêu chí từ tệp");
        await Expect(page.Locator("#excel-target option[value='" + Target + "']")).ToHaveTextAsync("Tỉnh Sơn La – Sơn La thi đua đổi mới sáng tạo và chuyển đổi số");
        await page.SelectOptionAsync("#excel-target", Target);
        await page.SetInputFilesAsync("#excel-file", new FilePayload
        {
            Name = "bang-cham-diem-xa-2026.xlsx", MimeType = ExcelExportModel.ContentType, Buffer = ProvinceTable(),
        });
        await page.FillAsync("#excel-id", "son-la.bang-cham-diem-excel");
        await page.FillAsync("#excel-version", "1.0.0");
        await browser.ScreenshotAsync(page, "1-nhap-tu-tep.png");
        await page.ClickAsync("#nhap-excel-nut");

        // The draft, with the row the importer could not read beside it.
        await Expect(page).ToHaveURLAsync(new Regex("/quy-tac/nhap/son-la\\.bang-cham-diem-excel/1\\.0\\.0$"));
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync(
            "Đã nhập «bang-cham-diem-xa-2026.xlsx» thành bản nháp son-la.bang-cham-diem-excel phiên bản 1.0.0: 1 mục, 1 tiêu chí. 1 dòng chưa đọc được");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bản nháp phiên bản 1.0.0: BẢNG CHẤM ĐIỂM THI ĐUA CHUYỂN ĐỔI SỐ CẤP XÃ NĂM 2026");
        var unread = page.Locator("#dong-chua-doc tbody tr");
        await Expect(unread).ToHaveCountAsync(1);
        await Expect(unread.Locator("td[data-label='Trang tính']")).ToHaveTextAsync("Bảng chấm điểm");
        await Expect(unread.Locator("td[data-label='Dòng']")).ToHaveTextAsync("6");
        await Expect(unread.Locator("td[data-label='Nội dung']")).ToContainTextAsync("Tổ chức diễn tập an toàn thông tin");
        await Expect(unread.Locator("td[data-label='Lý do']")).ToContainTextAsync("không hiểu «Có tổ chức diễn tập, có biên bản thì được điểm tối đa»");
        await Expect(page.Locator("#f-sections-0-criteria-0-bands-0-atLeast")).ToHaveValueAsync("80");
        await Expect(page.Locator("#f-unitKinds-loi li")).ToContainTextAsync("unitKinds");
        await Expect(page.Locator("#nut-cong-bo")).ToBeDisabledAsync();
        await browser.ScreenshotAsync(page, "2-ban-nhap-tu-excel.png");
        await page.Locator("#bao-cao-nhap").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(page, "2b-dong-chua-doc.png", fullPage: false);

        // Finishing it in the forms: unit kinds, the two indicators, the unread criterion, the grades.
        await page.FillAsync("#f-unitKinds", "locality");
        await page.ClickAsync("button[name=op][value='add|$.indicators']");
        await Expect(page.Locator("#f-indicators-0-id")).ToHaveValueAsync("chiSo1");
        await Expect(page.Locator("#f-unitKinds")).ToHaveValueAsync("locality");
        await page.FillAsync("#f-indicators-0-id", "onlineRate");
        await page.SelectOptionAsync("#f-indicators-0-type", "percent");
        await page.FillAsync("#f-indicators-0-title", "Tỷ lệ hồ sơ trực tuyến toàn trình");
        await page.SelectOptionAsync("#f-indicators-0-source", "self");
        await page.ClickAsync("button[name=op][value='add|$.indicators']");
        await Expect(page.Locator("#f-indicators-1-id")).ToHaveValueAsync("chiSo2");
        await page.FillAsync("#f-indicators-1-id", "cyberDrillHeld");
        await page.SelectOptionAsync("#f-indicators-1-type", "boolean");
        await page.FillAsync("#f-indicators-1-title", "Đã diễn tập an toàn thông tin");
        await page.SelectOptionAsync("#f-indicators-1-evidence", "true");
        await page.ClickAsync("button[name=op][value='add|$.sections[0].criteria']");
        await Expect(page.Locator("#f-sections-0-criteria-1-id")).ToHaveValueAsync("I.2");
        await page.FillAsync("#f-sections-0-criteria-1-title", "Tổ chức diễn tập an toàn thông tin");
        await page.FillAsync("#f-sections-0-criteria-1-clause", "Mục II.2");
        await page.FillAsync("#f-sections-0-criteria-1-maxPoints", "10");
        await page.FillAsync("#f-sections-0-criteria-1-condition", "cyberDrillHeld");
        await page.ClickAsync("button[name=op][value='add|$.grades']");
        await Expect(page.Locator("#f-grades-0-id")).ToHaveValueAsync("muc-1");
        await page.FillAsync("#f-grades-0-id", "tot");
        await page.FillAsync("#f-grades-0-title", "Hoàn thành tốt");
        await page.FillAsync("#f-grades-0-minTotal", "15,5");
        await page.ClickAsync("button[name=op][value='add|$.grades']");
        await Expect(page.Locator("#f-grades-1-id")).ToHaveValueAsync("muc-2");
        await page.FillAsync("#f-grades-1-id", "hoan-thanh");
        await page.FillAsync("#f-grades-1-title", "Hoàn thành");
        await page.FillAsync("#f-grades-1-minTotal", "");
        await page.ClickAsync("#luu");

        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("Không có lỗi hay cảnh báo");
        await Expect(page.Locator(".diag li")).ToHaveCountAsync(0);
        await Expect(page.Locator("#nut-cong-bo")).ToBeEnabledAsync();
        await Expect(page.Locator("#f-grades-0-minTotal")).ToHaveValueAsync("15,5");
        await Expect(page.Locator("#dong-chua-doc tbody tr")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync(page, "3-da-hoan-thien.png");
        await page.Locator("#f-indicators-bang").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(page, "3b-chi-so.png", fullPage: false);
        var saved = await browser.Host.WithDbAsync(db => db.RuleSetDrafts.Where(d => d.RuleSetId == "son-la.bang-cham-diem-excel").Select(d => d.Json).SingleAsync());
        var draft = Newtonsoft.Json.Linq.JObject.Parse(saved);
        Assert.That((string?)draft["movement"], Is.EqualTo("dmst-cds-2025-2030"), "the movement chosen on upload");
        Assert.That((decimal?)draft.SelectToken("grades[0].minTotal"), Is.EqualTo(15.5m), "\"15,5\" is read back as 15.5");
        Assert.That((bool?)draft.SelectToken("indicators[1].evidence"), Is.True);

        // The rows are finished: the list goes away.
        await page.ClickAsync("#da-hoan-thien");
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync("Đã ẩn danh sách các dòng chưa đọc được khi nhập.");
        await Expect(page.Locator("#bao-cao-nhap")).ToHaveCountAsync(0);

        // Any version downloads as the template, which reads back to the same rule set.
        await page.GotoAsync(browser.Url(WorkbenchPaths.Index));
        var row = page.Locator($".wb-ruleset[data-ruleset='{TestData.RuleSetId}'] tr[data-version='1.0.0']");
        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("a.tai-excel").ClickAsync());
        Assert.That(download.SuggestedFilename, Is.EqualTo($"{TestData.RuleSetId}@1.0.0.xlsx"));
        var path = browser.ResultPath(download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var import = ScoringTableReader.Read(await File.ReadAllBytesAsync(path));
        Assert.That(import.Unread, Is.Empty);
        var published = await browser.Host.WithDbAsync(db => db.RuleSetVersions.Where(v => v.Version == "1.0.0").Select(v => v.Json).SingleAsync());
        Assert.That(Scoring.Rules.Versions.CanonicalJson.FromText(import.Json), Is.EqualTo(Scoring.Rules.Versions.CanonicalJson.FromText(published)));
        await Expect(page.Locator($".wb-ruleset[data-ruleset='son-la.bang-cham-diem-excel'] tr[data-version='1.0.0']")).ToHaveAttributeAsync("data-status", "nhap");
        await browser.ScreenshotAsync(page, "4-danh-sach-co-ban-nhap.png");
    }

    [Test]
    public async Task Maintainer_ImportsARulesEngineWorkflow_AndSeesEveryRefusal()
    {
        var page = await browser.NewPageAsync();
        password = await browser.SignInAsync(page, "canbo.son-la", password, "CanBoSonLa2026Moi");
        await page.GotoAsync(browser.Url(WorkbenchPaths.Import));
        await page.SelectOptionAsync("#rulesengine-target", Target);
        await page.SetInputFilesAsync("#rulesengine-file", new FilePayload
        {
            Name = "Discount.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(WorkbenchImportTests.Workflow),
        });
        await page.ClickAsync("#nhap-rulesengine-nut");

        await Expect(page).ToHaveURLAsync(new Regex("/quy-tac/nhap/son-la\\.rulesengine\\.discount/0\\.1\\.0$"));
        await Expect(page.Locator("#thong-bao")).ToContainTextAsync(
            "Đã nhập «Discount.json»: workflow «Discount» thành bản nháp son-la.rulesengine.discount phiên bản 0.1.0 (1 tiêu chí). 2 phần chưa chuyển được");
        await Expect(page.Locator("#bao-cao-nhap h2")).ToHaveTextAsync("Các phần chưa chuyển được của workflow «Discount» (tệp «Discount.json»)");
        var refused = page.Locator("#dong-chua-doc tbody tr");
        await Expect(refused).ToHaveCountAsync(2);
        foreach (var (rule, n) in new[] { ("GiveDiscount10", 0), ("GiveDiscount20", 1) })
        {
            await Expect(refused.Nth(n).Locator("td[data-label='Workflow']")).ToHaveTextAsync("Discount");
            await Expect(refused.Nth(n).Locator("td[data-label='Quy tắc']")).ToHaveTextAsync(rule);
            await Expect(refused.Nth(n).Locator("td[data-label='Phần']")).ToHaveTextAsync("Expression");
            await Expect(refused.Nth(n).Locator("td[data-label='Vị trí']")).ToHaveTextAsync(new Regex(@"^cột \d+$"));
            await Expect(refused.Nth(n).Locator("td[data-label='Lý do']")).Not.ToBeEmptyAsync();
        }

        await Expect(page.Locator("#f-sections-0-criteria-0-title")).ToHaveValueAsync("GiveDiscount30");
        await Expect(page.Locator("#f-sections-0-criteria-0-maxPoints")).ToHaveValueAsync("30");
        await Expect(page.Locator("#f-sections-0-criteria-0-condition")).ToHaveValueAsync(new Regex("loyaltyFactor > 3 && .*totalPurchasesToDate >= 50000"));
        await browser.ScreenshotAsync(page, "5-ban-nhap-tu-rulesengine.png");
        await page.Locator("#bao-cao-nhap").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync(page, "5b-phan-chua-chuyen.png", fullPage: false);
        Assert.That(await browser.Host.WithDbAsync(db => db.RuleSetDrafts.Where(d => d.RuleSetId == "son-la.rulesengine.discount").Select(d => d.Origin).SingleAsync()),
            Is.EqualTo("rules-engine"));
    }

    [Test]
    public async Task OnAPhone_TheImportPageFits_AndAFileThatIsNotAWorkbookIsRefused()
    {
        var page = await browser.NewPageAsync(390, 844);
        password = await browser.SignInAsync(page, "canbo.son-la", password, "CanBoSonLa2026Moi");
        await page.GotoAsync(browser.Url(WorkbenchPaths.Import));
        var draftsBefore = await browser.Host.WithDbAsync(db => db.RuleSetDrafts.CountAsync());
        await page.SelectOptionAsync("#excel-target", Target);
        await page.SetInputFilesAsync("#excel-file", new FilePayload
        {
            Name = "bang-cham-diem.xlsx", MimeType = ExcelExportModel.ContentType, Buffer = Encoding.UTF8.GetBytes("STT;Nội dung tiêu chí\n1;A\n"),
        });
        await page.ClickAsync("#nhap-excel-nut");
        await Expect(page.Locator("#loi-excel")).ToContainTextAsync("Chưa nhập «bang-cham-diem.xlsx»: Tệp không phải bảng tính .xlsx");
        Assert.That(await browser.Host.WithDbAsync(db => db.RuleSetDrafts.CountAsync()), Is.EqualTo(draftsBefore), "nothing written");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.That(width, Is.LessThanOrEqualTo(390), "nothing wider than the phone's screen");
        var unlabelled = await page.EvaluateAsync<int>(
            "[...document.querySelectorAll('main input:not([type=hidden]), main select')].filter(e => !document.querySelector(`label[for='${e.id}']`)).length");
        Assert.That(unlabelled, Is.Zero, "every input has its label");
        await browser.ScreenshotAsync(page, "6-dien-thoai-tep-sai.png");
    }
}
