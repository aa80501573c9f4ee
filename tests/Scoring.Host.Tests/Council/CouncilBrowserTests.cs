using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scoring.Host.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Scoring.Host.Tests.Council;

/// <summary>
/// The council's journey in real Chromium on the real service: a completed run of a movement with the council step; Sở Nội
/// vụ's appraiser confirms two proposals and withdraws one (a blank reason refused beside the field), records the council's
/// decisions (the ballot for the tie at the cut); the administrator publishes in the console; the public list shows the
/// appraisal and the decision; the appraiser records a revocation, and the public card and list show it. Screenshots of each step.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CouncilBrowserTests
{
    private const string AppraiserPassword = "ThamDinh#2028x";
    private const string AdminPassword = "QuanTri#2028xy";

    private BrowserHost browser = null!;
    private CouncilWorld world = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        browser = await BrowserHost.StartAsync("hoi-dong");
        world = await CouncilWorld.SeedAsync(browser.Host, councilStep: true);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        world.Dispose();
        await browser.DisposeAsync();
    }

    [Test]
    public async Task Run_appraisal_council_decision_publication_public_list_and_revocation()
    {
        var run = world.Run;
        var (a1, a2, a3) = (world.Proposals["ag-1"], world.Proposals["ag-2"], world.Proposals["ag-3"]);
        var appraiserInitial = await browser.CreateAccountAsync(new NewAccount("thamdinh.xa-thu", "Cán bộ thẩm định Sở Nội vụ",
            new AccountScope(Roles.Appraiser, CouncilWorld.Tenant, null, []), null, MustChangePassword: true));
        var adminInitial = await browser.CreateAccountAsync(new NewAccount("quantri.xa-thu", "Quản trị viên",
            new AccountScope(Roles.Administrator, null, null, []), null, MustChangePassword: true));

        // The appraiser signs in and finds the run from the workspace home.
        var page = await browser.NewPageAsync(width: 1000);
        await browser.SignInAsync(page, "thamdinh.xa-thu", appraiserInitial, AppraiserPassword);
        await Expect(page.Locator("#vai-tro")).ToHaveTextAsync("Cán bộ thẩm định Sở Nội vụ");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thẩm định đề nghị khen thưởng, quyết định của Hội đồng, thu hồi" }).ClickAsync();
        await Expect(page.Locator($"#luot-cham tr[data-run='{run}']")).ToContainTextAsync("xa-thu, 2027");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Lượt {run}", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/tham-dinh/luot-cham/{run}$"));
        await Expect(page.Locator("#quy-trinh")).ToContainTextAsync("yêu cầu thẩm định và quyết định của Hội đồng trước khi công bố");
        await Expect(page.Locator($"#de-nghi-{a2}")).ToContainTextAsync("Đồng điểm tại ngưỡng chỉ tiêu: Hội đồng bỏ phiếu kín.");
        await browser.ScreenshotAsync(page, "1-tham-dinh.png");

        await AppraiseAsync(page, a1, "confirm", "Hồ sơ đầy đủ, đúng tiêu chuẩn.");
        await AppraiseAsync(page, a2, "confirm", "Đủ điều kiện; đồng điểm, trình Hội đồng bỏ phiếu.");

        // A blank reason is refused beside the field, with the choice kept.
        var third = page.Locator($"#de-nghi-{a3}");
        await third.Locator("input[name=Choice][value='-']").CheckAsync();
        await third.Locator("textarea[name=Reason]").FillAsync("   ");
        await third.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả thẩm định" }).ClickAsync();
        await Expect(page.Locator($"#loi-{a3}")).ToContainTextAsync("Thiếu lý do thẩm định (trường `reason`)");
        await Expect(page.Locator($"#de-nghi-{a3} input[name=Choice][value='-']")).ToBeCheckedAsync();
        await browser.ScreenshotAsync(page, "2-ly-do-trong.png");
        await AppraiseAsync(page, a3, "-", "Đơn vị bị kỷ luật trong năm.");
        await Expect(page.Locator($"#de-nghi-{a3} .status")).ToHaveTextAsync("Đã rút khi thẩm định");
        await Expect(page.Locator($"#de-nghi-{a3} .council-history")).ToContainTextAsync("Rút đề nghị: Đơn vị bị kỷ luật trong năm.");

        // The council's decisions, recorded by the appraiser as the council's secretary.
        await page.GetByRole(AriaRole.Link, new() { Name = "Quyết định của Hội đồng, thu hồi" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/tham-dinh/luot-cham/{run}/hoi-dong$"));
        await DecideAsync(page, a1, votes: null);
        await DecideAsync(page, a2, votes: (7, 2));
        await Expect(page.Locator($"#de-nghi-{a2} .council-history")).ToContainTextAsync(
            "Hội đồng thông qua (bỏ phiếu kín: 7 đồng ý, 2 không đồng ý), Quyết định số 12/QĐ-HĐTĐKT ngày 15/01/2028");
        await Expect(page.Locator($"#de-nghi-{a3}")).Not.ToContainTextAsync("Ghi quyết định");
        await browser.ScreenshotAsync(page, "3-hoi-dong.png");

        // The administrator publishes in the console.
        var admin = await browser.NewPageAsync();
        await browser.SignInAsync(admin, "quantri.xa-thu", adminInitial, AdminPassword);
        await admin.GotoAsync(browser.Url($"/quan-tri/luot-cham/{run}/cong-bo"));
        await admin.ClickAsync("#xac-nhan-cong-bo");
        await Expect(admin.Locator("#thong-bao")).ToContainTextAsync($"Đã công bố lượt chấm {run}.");

        // The public list carries the appraisal and the decision.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync(browser.Url($"/ket-qua/{CouncilWorld.Tenant}/{CouncilWorld.Year}#khen-thuong"));
        var awards = visitor.Locator("table.awards");
        await Expect(awards.Locator("tr[data-unit='ag-2'] td.council")).ToContainTextAsync(
            "Hội đồng thông qua: Xác nhận đề nghị: Đủ điều kiện; đồng điểm, trình Hội đồng bỏ phiếu.; Hội đồng thông qua (bỏ phiếu kín: 7 đồng ý, 2 không đồng ý), Quyết định số 12/QĐ-HĐTĐKT ngày 15/01/2028");
        await Expect(awards.Locator("tr[data-unit='ag-3'] td.council")).ToContainTextAsync("Đã rút khi thẩm định: Rút đề nghị: Đơn vị bị kỷ luật trong năm.");
        await browser.ScreenshotAsync(visitor, "4-danh-sach-cong-khai.png");

        // A revocation after publication, recorded and shown; the form is gone once it is recorded.
        await page.ReloadAsync();
        var first = page.Locator($"#de-nghi-{a1}");
        await first.GetByText("Thu hồi khen thưởng này").ClickAsync();
        await first.Locator("textarea[name=Reason]").FillAsync("Phát hiện kê khai sai số liệu.");
        await first.Locator("input[name=Number]").FillAsync("30/QĐ-UBND");
        await first.Locator("input[name=Date]").FillAsync("20/01/2028");
        await first.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định thu hồi" }).ClickAsync();
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã ghi quyết định thu hồi khen thưởng.");
        await Expect(page.Locator($"#de-nghi-{a1} .status")).ToHaveTextAsync("Đã thu hồi");
        await Expect(page.Locator($"#de-nghi-{a1} form")).ToHaveCountAsync(0);

        await visitor.GotoAsync(browser.Url($"/ket-qua/{CouncilWorld.Tenant}/{CouncilWorld.Year}/ag-1"));
        await Expect(visitor.Locator("#tham-dinh")).ToContainTextAsync("Đã thu hồi theo Quyết định số 30/QĐ-UBND ngày 20/01/2028: Phát hiện kê khai sai số liệu.");
        await Expect(visitor.Locator("#tham-dinh")).ToContainTextAsync("Sở Nội vụ thẩm định. Xác nhận đề nghị: Hồ sơ đầy đủ, đúng tiêu chuẩn.");
        await browser.ScreenshotAsync(visitor, "5-phieu-diem-thu-hoi.png");
        await visitor.GotoAsync(browser.Url($"/ket-qua/{CouncilWorld.Tenant}/{CouncilWorld.Year}#khen-thuong"));
        await Expect(visitor.Locator("table.awards tr[data-unit='ag-1'] td.council")).ToContainTextAsync("Đã thu hồi");
        await browser.ScreenshotAsync(visitor, "6-danh-sach-thu-hoi.png");

        // On a phone the decision form stays usable.
        var phone = await browser.NewPageAsync(width: 390, height: 844);
        await browser.SignInAsync(phone, "thamdinh.xa-thu", AppraiserPassword);
        await phone.GotoAsync(browser.Url($"/tham-dinh/luot-cham/{run}/hoi-dong"));
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Quyết định của Hội đồng thi đua – khen thưởng");
        await browser.ScreenshotAsync(phone, "7-dien-thoai.png");
    }

    private static async Task AppraiseAsync(IPage page, long proposal, string choice, string reason)
    {
        var section = page.Locator($"#de-nghi-{proposal}");
        await section.Locator($"input[name=Choice][value='{choice}']").CheckAsync();
        await section.Locator("textarea[name=Reason]").FillAsync(reason);
        await section.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả thẩm định" }).ClickAsync();
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã ghi kết quả thẩm định.");
        await Expect(page.Locator($"#de-nghi-{proposal} .council-history")).ToContainTextAsync(reason);
    }

    private static async Task DecideAsync(IPage page, long proposal, (int For, int Against)? votes)
    {
        var section = page.Locator($"#de-nghi-{proposal}");
        await section.Locator("input[name=Approved][value=yes]").CheckAsync();
        if (votes is { } v)
        {
            await section.GetByLabel("Số phiếu đồng ý").FillAsync(v.For.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await section.GetByLabel("Số phiếu không đồng ý").FillAsync(v.Against.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await section.GetByLabel("Số quyết định").FillAsync("12/QĐ-HĐTĐKT");
        await section.GetByLabel("Ngày quyết định (dd/MM/yyyy)").FillAsync("15/01/2028");
        await section.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định", Exact = true }).ClickAsync();
        await Expect(page.Locator("#thong-bao")).ToHaveTextAsync("Đã ghi quyết định của Hội đồng.");
        await Expect(page.Locator($"#de-nghi-{proposal} .status")).ToHaveTextAsync("Hội đồng thông qua");
    }
}
