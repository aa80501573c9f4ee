using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Accounts;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.AdminConsole;

/// <summary>
/// The console's account pages on the real host (SQLite), driven as a browser drives them (cookies, forms with their
/// antiforgery token): only an administrator opens any console page or acts through any console form (accounts, runs,
/// publication, imports, unit edits); bulk creation answers the password sheet
/// and makes accounts that must change their password; a disabled account cannot sign in until enabled; a reset password
/// replaces the old one; every action is in the audit log under the administrator's name.
/// </summary>
[NonParallelizable]
public sealed partial class ConsoleAccountsTests
{
    private static readonly string[] Pages =
    [
        "/quan-tri", "/quan-tri/tai-khoan", "/quan-tri/tai-khoan/tao-moi", "/quan-tri/tai-khoan/hang-loat", "/quan-tri/nhap-du-lieu", "/quan-tri/luot-cham",
        "/quan-tri/luot-cham/1", "/quan-tri/luot-cham/1/cong-bo", "/quan-tri/nhat-ky", "/quan-tri/tinh/son-la", "/quan-tri/tinh/son-la/don-vi/xa-a",
        "/quan-tri/nhat-ky?trang=2", "/quan-tri/tinh-moi", "/quan-tri/tinh/son-la/phong-trao-moi", "/quan-tri/tinh/son-la/phong-trao/dmst-cds-2025-2030",
        "/quan-tri/tinh/son-la/cum-khoi", "/quan-tri/tinh/son-la/cum-khoi/2025", "/quan-tri/tinh/son-la/cum-khoi/2025/cum-1",
    ];

    private ScoringHostFactory host = null!;
    private string adminPassword = null!;
    private readonly Dictionary<string, string> passwords = [];

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory();
        await TestData.SeedAsync(host);
        adminPassword = await CreateAsync("qt.console", new AccountScope(Roles.Administrator, null, null, []));
        passwords["thuky.console"] = await CreateAsync("thuky.console", new AccountScope(Roles.Secretariat, TestData.Tenant, null, ["cum-1"]));
        passwords["donvi.console"] = await CreateAsync("donvi.console", new AccountScope(Roles.Unit, TestData.Tenant, "xa-a", []));
        passwords["canbo.console"] = await CreateAsync("canbo.console", new AccountScope(Roles.RuleMaintainer, TestData.Tenant, null, []));
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [TestCase("thuky.console")]
    [TestCase("donvi.console")]
    [TestCase("canbo.console")]
    public async Task EveryConsolePageAndAction_AnswersTheVietnamese403_ToAnyoneButAnAdministrator(string user)
    {
        using var session = new FormSession(host);
        Assert.That((await session.SignInAsync(user, passwords[user])).Status, Is.EqualTo(HttpStatusCode.Redirect));
        foreach (var page in Pages)
        {
            var (status, body, _) = await session.GetAsync(page);
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), page);
            Assert.That(body, Does.Contain("Không có quyền truy cập (403)").And.Contain("chỉ dành cho quản trị viên"), page);
        }

        // With a valid form token (taken from the user's own home page), each action is still refused and changes nothing.
        var before = await host.WithDbAsync(db => db.AuditLog.CountAsync());
        var actions = new (string Action, Dictionary<string, string> Fields)[]
        {
            ("/quan-tri/tai-khoan?handler=Reset", new() { ["userName"] = "qt.console" }),
            ("/quan-tri/tai-khoan?handler=Disable", new() { ["userName"] = "qt.console" }),
            ("/quan-tri/tai-khoan/tao-moi", new() { ["UserName"] = "ke-gian", ["Role"] = Roles.Administrator }),
            ("/quan-tri/tai-khoan/hang-loat", new() { ["Tenant"] = TestData.Tenant, ["Year"] = "2025", ["Units"] = "true" }),
            ("/quan-tri/luot-cham", new() { ["tinh"] = TestData.Tenant, ["Year"] = "2025" }),
            ("/quan-tri/luot-cham/1/cong-bo", new()),
            ("/quan-tri/nhap-du-lieu", new() { ["Tenant"] = TestData.Tenant, ["Kind"] = "Units" }),
            ("/quan-tri/tinh/son-la/don-vi/xa-a", new() { ["Name"] = "Bị sửa", ["Kind"] = "locality" }),
            ("/quan-tri/tinh-moi", new() { ["Code"] = "ke-gian", ["Name"] = "Tỉnh Giả", ["MovementCode"] = "pt", ["MovementTitle"] = "Phong trào", ["Deadline"] = "10/11" }),
            ("/quan-tri/tinh/son-la/phong-trao-moi", new() { ["MovementCode"] = "pt-gia", ["MovementTitle"] = "Phong trào", ["Deadline"] = "10/11" }),
            ("/quan-tri/tinh/son-la/phong-trao/dmst-cds-2025-2030", new() { ["Title"] = "Bị sửa", ["Deadline"] = "01/01" }),
            ("/quan-tri/tinh/son-la/cum-khoi", new() { ["Year"] = "2026", ["Code"] = "cum-gia", ["Name"] = "Cụm giả", ["Kind"] = "cluster", ["Members"] = "xa-a" }),
            ("/quan-tri/tinh/son-la/cum-khoi/2025/cum-1", new() { ["Name"] = "Bị sửa", ["Kind"] = "cluster", ["Members"] = "xa-a" }),
        };
        foreach (var (action, fields) in actions)
        {
            var (status, body, _) = await session.PostFormAsync("/lam-viec", fields, action);
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), action);
            Assert.That(body, Does.Contain("Không có quyền truy cập (403)"), action);
        }

        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync()), Is.EqualTo(before), "nothing written");
        Assert.That(await host.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "ke-gian")), Is.Zero);
        Assert.That(await host.WithDbAsync(db => db.ScoringRuns.CountAsync()), Is.Zero, "no run enqueued");
        Assert.That(await host.WithDbAsync(db => db.Tenants.CountAsync(t => t.Code == "ke-gian")), Is.Zero, "no tenant created");
        Assert.That(await host.WithDbAsync(db => db.Movements.CountAsync(m => m.Code == "pt-gia" || m.Title == "Bị sửa")), Is.Zero, "no movement added or changed");
        Assert.That(await host.WithDbAsync(db => db.Groups.CountAsync(g => g.Code == "cum-gia" || g.Name == "Bị sửa")), Is.Zero, "no group created or changed");
    }

    [Test]
    public async Task SignedOutVisitor_IsSentToSignIn_AndAFormWithoutTheTokenIsRefused()
    {
        using var anonymous = new FormSession(host);
        var (status, _, location) = await anonymous.GetAsync("/quan-tri/tai-khoan");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(location, Does.EndWith("/dang-nhap?returnUrl=%2Fquan-tri%2Ftai-khoan"));

        using var admin = await AdminAsync();
        var noToken = await admin.PostFormAsync(AccountsPath, new Dictionary<string, string> { ["userName"] = "donvi.console" }, AccountsPath + "?handler=Disable", withToken: false);
        Assert.That(noToken.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await host.WithDbAsync(db => db.Users.Where(u => u.UserName == "donvi.console").Select(u => u.Disabled).SingleAsync()), Is.False);
    }

    [Test, Order(1)]
    public async Task BulkCreation_AnswersThePasswordSheet_OnceAndUncached_AndSkipsAccountsThatExist()
    {
        using var admin = await AdminAsync();
        var form = new Dictionary<string, string> { ["Tenant"] = TestData.Tenant, ["Year"] = "2025", ["Units"] = "true", ["Secretariats"] = "true" };

        using var response = await PostAsync(admin, "/quan-tri/tai-khoan/hang-loat", form);
        var sheet = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), sheet);
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "the passwords are never cached");
        var rows = SheetRows().Matches(sheet).Select(m => (User: m.Groups["user"].Value, Password: m.Groups["password"].Value)).ToList();
        // xa-a has an account already (donvi.console), cum-1 its secretariat (thuky.console); xa-d, valid until 2025-06-30, still
        // reports for part of 2025 and gets one.
        Assert.That(rows.Select(r => r.User), Is.EqualTo(new[] { "xa-b.son-la", "xa-c.son-la", "xa-d.son-la", "thuky.cum-2.son-la" }));
        Assert.That(sheet, Does.Contain("Xã Chiềng Cơi (xa-a): đã có tài khoản donvi.console.").And.Contain("Cụm thi đua số 1 (cum-1): đã có tài khoản thư ký thuky.console."));
        var created = await host.WithDbAsync(db => db.Users.Where(u => u.UserName == "xa-b.son-la" || u.UserName == "thuky.cum-2.son-la")
            .OrderBy(u => u.UserName).Select(u => new { u.Role, u.UnitCode, u.Groups, u.MustChangePassword }).ToListAsync());
        Assert.That(created.Select(c => (c.Role, c.UnitCode, c.Groups, c.MustChangePassword)), Is.EqualTo(new[]
        {
            (Roles.Secretariat, (string?)null, (string?)"cum-2", true), (Roles.Unit, "xa-b", null, true),
        }));

        using var person = new FormSession(host);
        var signIn = await person.SignInAsync("xa-b.son-la", rows[0].Password);
        Assert.That(signIn.Location, Does.StartWith("/doi-mat-khau"), "the printed password signs in and must be changed");

        using var again = await PostAsync(admin, "/quan-tri/tai-khoan/hang-loat", form);
        var second = await again.Content.ReadAsStringAsync();
        Assert.That(SheetRows().Matches(second), Is.Empty, "nothing is created twice, no password shown again");
        Assert.That(second, Does.Contain("Không có tài khoản mới nào được tạo.").And.Contain("đã có tài khoản xa-b.son-la"));
        var audit = await host.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "account.create" && a.Actor == "qt.console (administrator)").Select(a => a.EntityKey).ToListAsync());
        Assert.That(audit, Is.EquivalentTo(new[] { "xa-b.son-la", "xa-c.son-la", "xa-d.son-la", "thuky.cum-2.son-la" }));
    }

    [Test]
    public async Task DisabledAccount_CannotSignIn_UntilEnabled_AndAResetPasswordReplacesTheOld()
    {
        var password = await CreateAsync("xa-c.tam", new AccountScope(Roles.Unit, TestData.Tenant, "xa-c", []));
        using var admin = await AdminAsync();

        var disabled = await admin.PostFormAsync(AccountsPath + "?tinh=son-la", new Dictionary<string, string> { ["userName"] = "xa-c.tam", ["tinh"] = "son-la" }, AccountsPath + "?handler=Disable");
        Assert.That((disabled.Status, disabled.Location), Is.EqualTo((HttpStatusCode.Redirect, AccountsPath + "?tinh=son-la")));
        var list = await admin.GetAsync(AccountsPath + "?tinh=son-la&vaiTro=unit");
        Assert.That(list.Body, Does.Contain("Đã vô hiệu hóa tài khoản xa-c.tam"));
        Assert.That(list.Body, Does.Match("data-user=\"xa-c.tam\" data-state=\"vo-hieu\""));
        Assert.That(list.Body, Does.Not.Contain("data-user=\"thuky.console\""), "filtered by role");

        using var person = new FormSession(host);
        var refused = await person.SignInAsync("xa-c.tam", password);
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refused.Body, Does.Contain("đã bị quản trị viên khóa"));

        await admin.PostFormAsync(AccountsPath, new Dictionary<string, string> { ["userName"] = "xa-c.tam" }, AccountsPath + "?handler=Enable");
        Assert.That((await person.SignInAsync("xa-c.tam", password)).Location, Is.EqualTo("/lam-viec"));

        using var reset = await PostAsync(admin, AccountsPath + "?handler=Reset", new Dictionary<string, string> { ["userName"] = "xa-c.tam" }, AccountsPath);
        var sheet = await reset.Content.ReadAsStringAsync();
        var newPassword = SheetRows().Match(sheet).Groups["password"].Value;
        Assert.That(newPassword, Has.Length.EqualTo(12));
        using var later = new FormSession(host);
        Assert.That((await later.SignInAsync("xa-c.tam", password)).Body, Does.Contain("không đúng"), "the old password is gone");
        Assert.That((await later.SignInAsync("xa-c.tam", newPassword)).Location, Does.StartWith("/doi-mat-khau"));

        var actions = await host.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == "xa-c.tam").OrderBy(a => a.Id).Select(a => a.Actor + " " + a.Action).ToListAsync());
        Assert.That(actions, Is.EqualTo(new[]
        {
            "test account.create", "qt.console (administrator) account.disable", "qt.console (administrator) account.enable",
            "qt.console (administrator) account.reset-password",
        }));
    }

    [Test]
    public async Task OneAccount_IsCreatedWithItsSheet_AndABadScopeIsExplainedOnTheForm()
    {
        using var admin = await AdminAsync();
        var bad = await admin.PostFormAsync("/quan-tri/tai-khoan/tao-moi",
            new Dictionary<string, string> { ["UserName"] = "xa-z.son-la", ["Role"] = Roles.Unit, ["Tenant"] = TestData.Tenant, ["Unit"] = "xa-z" });
        Assert.That(bad.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(bad.Body, Does.Contain("Chưa tạo được tài khoản").And.Contain("Không có đơn vị &#x27;xa-z&#x27; trong &#x27;son-la&#x27;."));

        using var good = await PostAsync(admin, "/quan-tri/tai-khoan/tao-moi",
            new Dictionary<string, string> { ["UserName"] = "canbo.moi", ["DisplayName"] = "Cán bộ Sở KH&CN", ["Role"] = Roles.RuleMaintainer, ["Tenant"] = TestData.Tenant });
        var sheet = await good.Content.ReadAsStringAsync();
        Assert.That(SheetRows().Matches(sheet).Select(m => m.Groups["user"].Value), Is.EqualTo(new[] { "canbo.moi" }));
        Assert.That(sheet, Does.Contain("Cán bộ quản lý bộ tiêu chí"));
    }

    private const string AccountsPath = "/quan-tri/tai-khoan";

    private async Task<FormSession> AdminAsync()
    {
        var session = new FormSession(host);
        var signIn = await session.SignInAsync("qt.console", adminPassword);
        Assert.That(signIn.Location, Is.EqualTo("/lam-viec"));
        return session;
    }

    /// <summary>Posts a form with the token read from <paramref name="formPage"/> (the action itself by default) and keeps the whole response.</summary>
    private static async Task<HttpResponseMessage> PostAsync(FormSession session, string action, Dictionary<string, string> fields, string? formPage = null)
    {
        var (_, html, _) = await session.GetAsync(formPage ?? action);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = FormSession.Token(html) };
        return await session.Client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    private async Task<string> CreateAsync(string user, AccountScope scope)
    {
        await using var services = host.Services.CreateAsyncScope();
        var result = await services.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync("test", new NewAccount(user, user, scope, null, MustChangePassword: false), CancellationToken.None);
        Assert.That(result.Errors, Is.Empty);
        return result.Password!;
    }

    [GeneratedRegex("<tr data-user=\"(?<user>[^\"]+)\">.*?<code class=\"password\">(?<password>[^<]+)</code>", RegexOptions.Singleline)]
    private static partial Regex SheetRows();
}
