using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Accounts;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.AdminConsole;

/// <summary>
/// The console's tenant page and unit edit on the real host: movements with their deadline, units with validity and
/// successor, the year's groups with head and deputy; a unit edited through the same service as the API (a bad date or
/// an unknown successor explained on the form and nothing written; a good edit saved and audited); 403 for a unit.
/// </summary>
[NonParallelizable]
public sealed class ConsoleTenantTests
{
    private ScoringHostFactory host = null!;
    private string adminPassword = null!;
    private string unitPassword = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory();
        await TestData.SeedAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        adminPassword = (await accounts.CreateAsync("test", new NewAccount("qt.tinh", "QT", new AccountScope(Roles.Administrator, null, null, []), null, false), CancellationToken.None)).Password!;
        unitPassword = (await accounts.CreateAsync("test", new NewAccount("dv.tinh", "DV", new AccountScope(Roles.Unit, TestData.Tenant, "xa-a", []), null, false), CancellationToken.None)).Password!;
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [Test, Order(1)]
    public async Task TenantPage_ShowsMovementsUnitsAndTheYearsGroups()
    {
        using var admin = new FormSession(host);
        await admin.SignInAsync("qt.tinh", adminPassword);

        var (status, body, _) = await admin.GetAsync("/quan-tri/tinh/son-la");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.Contain("<td class=\"deadline\">ngày 10/11</td>"));
        Assert.That(body, Does.Contain("<td>01/01/2020</td><td>30/06/2025</td>").And.Contain("Phường Tô Hiệu, TP Sơn La (xa-c)"), "xa-d's validity and successor");
        Assert.That(body, Does.Contain("<li data-member=\"xa-a\">Xã Chiềng Cơi (xa-a) – cụm/khối trưởng</li>"));
        Assert.That(body, Does.Contain("Hình thức khen thưởng:"));
        Assert.That((await admin.GetAsync("/quan-tri/tinh/khong-co")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task UnitEdit_ExplainsABadDateAndAnUnknownSuccessor_WritesNothing_ThenSavesAndAudits()
    {
        using var admin = new FormSession(host);
        await admin.SignInAsync("qt.tinh", adminPassword);
        const string Page = "/quan-tri/tinh/son-la/don-vi/xa-b";
        var fields = new Dictionary<string, string> { ["Name"] = "Xã Mường Bú", ["Kind"] = "locality", ["ValidFrom"] = "01/07/2025", ["ValidTo"] = "31/13/2030" };

        var badDate = await admin.PostFormAsync(Page, fields);
        Assert.That(badDate.Body, Does.Contain("Hiệu lực đến: “31/13/2030” không phải ngày dạng dd/MM/yyyy"));
        fields["ValidTo"] = "";
        fields["Successor"] = "xa-z";
        var badSuccessor = await admin.PostFormAsync(Page, fields);
        Assert.That(badSuccessor.Body, Does.Contain("Đơn vị kế thừa &#x27;xa-z&#x27; không có trong &#x27;son-la&#x27;"));
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "unit.update")), Is.Zero, "nothing written");

        fields["ValidTo"] = "31/12/2030";
        fields["Successor"] = "xa-a";
        var saved = await admin.PostFormAsync(Page, fields);
        Assert.That((saved.Status, saved.Location), Is.EqualTo((HttpStatusCode.Redirect, "/quan-tri/tinh/son-la#don-vi")));
        var unit = await host.WithDbAsync(db => db.Units.SingleAsync(u => u.Code == "xa-b"));
        Assert.That((unit.ValidTo?.ToString("yyyy-MM-dd", null), unit.SuccessorCode), Is.EqualTo(("2030-12-31", "xa-a")));
        Assert.That(await host.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "unit.update").Select(a => a.Actor + " " + a.EntityKey).ToListAsync()),
            Is.EqualTo(new[] { "qt.tinh (administrator) son-la/xa-b" }));
    }

    [Test]
    public async Task MovementEdit_RefusesAnImpossibleDeadline_ThenSavesTheNewOneAndAudits()
    {
        using var admin = new FormSession(host);
        await admin.SignInAsync("qt.tinh", adminPassword);
        const string Page = "/quan-tri/tinh/son-la/phong-trao/dmst-cds-2025-2030";
        Assert.That((await admin.GetAsync(Page)).Body, Does.Contain("value=\"10/11\""));
        var fields = new Dictionary<string, string> { ["Title"] = "Sơn La thi đua đổi mới sáng tạo và chuyển đổi số", ["Plan"] = "QĐ 1470/QĐ-UBND", ["Deadline"] = "31/11" };

        var refused = await admin.PostFormAsync(Page, fields);
        Assert.That(refused.Body, Does.Contain("Hạn báo cáo &#x27;31/11&#x27;").And.Contain("dd/MM (ví dụ 10/11)"));
        Assert.That(await host.WithDbAsync(db => db.Movements.Select(m => m.ReportDeadline).SingleAsync()), Is.EqualTo("11-10"), "nothing written");

        fields["Deadline"] = "15/11";
        var saved = await admin.PostFormAsync(Page, fields);
        Assert.That((saved.Status, saved.Location), Is.EqualTo((HttpStatusCode.Redirect, "/quan-tri/tinh/son-la#phong-trao")));
        Assert.That(await host.WithDbAsync(db => db.Movements.Select(m => m.ReportDeadline).SingleAsync()), Is.EqualTo("11-15"));
        Assert.That((await admin.GetAsync("/quan-tri/tinh/son-la")).Body, Does.Contain("<td class=\"deadline\">ngày 15/11</td>"));
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "tenant.update" && a.Actor == "qt.tinh (administrator)")), Is.EqualTo(1));
    }

    [Test]
    public async Task AUnit_GetsThe403Page_ForTheTenantPageAndTheEdit()
    {
        using var unit = new FormSession(host);
        await unit.SignInAsync("dv.tinh", unitPassword);
        Assert.That((await unit.GetAsync("/quan-tri/tinh/son-la")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var post = await unit.PostFormAsync("/lam-viec", new Dictionary<string, string> { ["Name"] = "Bị sửa", ["Kind"] = "locality" }, "/quan-tri/tinh/son-la/don-vi/xa-a");
        Assert.That(post.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await host.WithDbAsync(db => db.Units.Where(u => u.Code == "xa-a").Select(u => u.Name).SingleAsync()), Is.EqualTo("Xã Chiềng Cơi"));
    }
}
