using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Accounts;

/// <summary>
/// Accounts and the sign-in cookie on the real host (SQLite and PostgreSQL): the initial password must be changed first,
/// repeated failures lock the account, a disabled account cannot sign in, the cookie carries the API's claims and its
/// API calls need the antiforgery token; every change is in the audit log.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class SignInTests(Backend backend)
{
    private ScoringHostFactory host = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory(backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null);
        await TestData.SeedAsync(host);
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public async Task InitialPassword_MustBeChangedBeforeAnythingElse_ThenTheCookieActsAsTheUnit()
    {
        var password = await CreateAsync("xa-c.dau-tien", new AccountScope(Roles.Unit, TestData.Tenant, "xa-c", []), mustChange: true);
        using var session = new FormSession(host);

        var signIn = await session.SignInAsync("xa-c.dau-tien", password);
        Assert.That(signIn.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(signIn.Location, Does.StartWith("/doi-mat-khau"));
        var elsewhere = await session.GetAsync("/lam-viec");
        Assert.That((elsewhere.Status, elsewhere.Location), Is.EqualTo((HttpStatusCode.Redirect, "/doi-mat-khau?returnUrl=%2Flam-viec")));
        var api = await session.GetAsync($"/api/tenants/{TestData.Tenant}/submissions/2025/xa-c");
        Assert.That(api.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(api.Body, Does.Contain("đổi mật khẩu"));

        var weak = await session.PostFormAsync("/doi-mat-khau", new Dictionary<string, string> { ["current"] = password, ["next"] = "ngan", ["confirm"] = "ngan" });
        Assert.That(weak.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(weak.Body, Does.Contain("Mật khẩu phải dài ít nhất 10 ký tự."));
        var changed = await session.PostFormAsync("/doi-mat-khau?returnUrl=%2Flam-viec",
            new Dictionary<string, string> { ["current"] = password, ["next"] = "MatKhauMoi2026", ["confirm"] = "MatKhauMoi2026" });
        Assert.That((changed.Status, changed.Location), Is.EqualTo((HttpStatusCode.Redirect, "/lam-viec")));

        var home = await session.GetAsync("/lam-viec");
        Assert.That(home.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(home.Body, Does.Contain("<dd id=\"vai-tro\">Đơn vị</dd>"));
        Assert.That((await session.GetAsync($"/api/tenants/{TestData.Tenant}/submissions/2025/xa-a")).Status, Is.EqualTo(HttpStatusCode.Forbidden), "another unit's report");
        Assert.That((await session.GetAsync($"/api/tenants/{TestData.Tenant}/submissions/2025/xa-c")).Status, Is.EqualTo(HttpStatusCode.NotFound), "its own: no report yet");

        var actions = await host.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == "xa-c.dau-tien").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.That(actions, Is.EqualTo(new[] { "account.create", "account.change-password" }));
    }

    [Test]
    public async Task CookieCallsToTheApi_NeedTheAntiforgeryToken()
    {
        var password = await CreateAsync("xa-a.api", new AccountScope(Roles.Unit, TestData.Tenant, "xa-a", []), mustChange: false);
        using var session = new FormSession(host);
        await session.SignInAsync("xa-a.api", password);
        var path = $"/api/tenants/{TestData.Tenant}/submissions/2025/xa-a";

        using var without = await session.Client.PutAsync(path, System.Net.Http.Json.JsonContent.Create(new SubmissionValues(new() { ["staffTrained"] = "12" })));
        Assert.That(without.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await without.Content.ReadAsStringAsync(), Does.Contain("chống giả mạo"));

        var (_, page, _) = await session.GetAsync("/lam-viec");
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = System.Net.Http.Json.JsonContent.Create(new SubmissionValues(new() { ["staffTrained"] = "12" })) };
        request.Headers.Add(AntiforgeryForCookies.HeaderName, FormSession.Token(page));
        using var with = await session.Client.SendAsync(request);
        Assert.That(with.StatusCode, Is.EqualTo(HttpStatusCode.Created), await with.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task RepeatedFailures_LockTheAccount_EvenForTheRightPassword()
    {
        var password = await CreateAsync("xa-b.khoa", new AccountScope(Roles.Unit, TestData.Tenant, "xa-b", []), mustChange: false);
        using var session = new FormSession(host);

        for (var i = 0; i < AccountsExtensions.MaxFailedSignIns - 1; i++)
        {
            var wrong = await session.SignInAsync("xa-b.khoa", "SaiMatKhau123");
            Assert.That(wrong.Body, Does.Contain("Tên đăng nhập hoặc mật khẩu không đúng."));
        }

        var last = await session.SignInAsync("xa-b.khoa", "SaiMatKhau123");
        Assert.That(last.Body, Does.Contain("Tài khoản tạm khóa"));
        var right = await session.SignInAsync("xa-b.khoa", password);
        Assert.That(right.Status, Is.EqualTo(HttpStatusCode.OK), "no redirect: not signed in");
        Assert.That(right.Body, Does.Contain("Tài khoản tạm khóa"));
    }

    [Test]
    public async Task DisabledAccount_CannotSignIn_AndAResetForcesANewPassword()
    {
        var password = await CreateAsync("thuky.cum-1", new AccountScope(Roles.Secretariat, TestData.Tenant, null, ["cum-1"]), mustChange: false);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var result = await accounts.SetDisabledAsync("quantri (administrator)", (await accounts.FindAsync("thuky.cum-1"))!, true, CancellationToken.None);
            Assert.That(result.Errors, Is.Empty);
        }

        using var session = new FormSession(host);
        var refused = await session.SignInAsync("thuky.cum-1", password);
        Assert.That(refused.Body, Does.Contain("đã bị quản trị viên khóa"));

        string reset;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var account = (await accounts.FindAsync("thuky.cum-1"))!;
            Assert.That((await accounts.SetDisabledAsync("quantri (administrator)", account, false, CancellationToken.None)).Errors, Is.Empty);
            reset = (await accounts.ResetPasswordAsync("quantri (administrator)", account, null, CancellationToken.None)).Password!;
        }

        Assert.That((await session.SignInAsync("thuky.cum-1", password)).Body, Does.Contain("không đúng"), "the old password is gone");
        var signIn = await session.SignInAsync("thuky.cum-1", reset);
        Assert.That(signIn.Location, Does.StartWith("/doi-mat-khau"));
        var actions = await host.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == "thuky.cum-1").OrderBy(a => a.Id).Select(a => a.Actor + " " + a.Action).ToListAsync());
        Assert.That(actions, Is.EqualTo(new[]
        {
            "test account.create", "quantri (administrator) account.disable", "quantri (administrator) account.enable", "quantri (administrator) account.reset-password",
        }));
    }

    [Test]
    public async Task AccountScope_IsCheckedAgainstTheTenant()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();

        var unknownUnit = await accounts.CreateAsync("test", new NewAccount("xa-z", "Xã Z", new AccountScope(Roles.Unit, TestData.Tenant, "xa-z", []), null, true), CancellationToken.None);
        var unknownGroup = await accounts.CreateAsync("test", new NewAccount("thuky.z", "Z", new AccountScope(Roles.Secretariat, TestData.Tenant, null, ["cum-1", "cum-9"]), null, true), CancellationToken.None);
        var noTenant = await accounts.CreateAsync("test", new NewAccount("xa-a.x", "X", new AccountScope(Roles.Unit, null, "xa-a", []), null, true), CancellationToken.None);

        Assert.That(unknownUnit.Errors, Is.EqualTo(new[] { "Không có đơn vị 'xa-z' trong 'son-la'." }));
        Assert.That(unknownGroup.Errors, Is.EqualTo(new[] { "Không có cụm/khối 'cum-9' trong 'son-la'." }));
        Assert.That(noTenant.Errors.Single(), Does.Contain("cần mã tỉnh/xã"));
        Assert.That(await host.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "xa-z" || u.UserName == "thuky.z")), Is.Zero);
    }

    private async Task<string> CreateAsync(string user, AccountScope scope, bool mustChange)
    {
        await using var services = host.Services.CreateAsyncScope();
        var result = await services.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync("test", new NewAccount(user, user, scope, null, mustChange), CancellationToken.None);
        Assert.That(result.Errors, Is.Empty);
        return result.Password!;
    }
}
