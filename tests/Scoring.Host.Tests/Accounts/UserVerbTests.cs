using System.Net;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Cli;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Pages;

namespace Scoring.Host.Tests.Accounts;

/// <summary>
/// The <c>user add|reset</c> verb against the service's real database (SQLite, then PostgreSQL), found through the same
/// configuration keys the service reads, with the password on standard input: the account it creates signs in at
/// /dang-nhap and must change that password first; a reset replaces the password, lifts a lockout and forces a change
/// again; every refusal names what is wrong in Vietnamese, without a stack trace and without writing anything.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class UserVerbTests(Backend backend)
{
    private ScoringHostFactory host = null!;
    private string[] configuration = [];

    [OneTimeSetUp]
    public async Task StartHost()
    {
        var postgres = backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null;
        host = new ScoringHostFactory(postgres);
        await TestData.SeedAsync(host);
        configuration = postgres is null ? ["--Storage:DataDirectory", host.DataDirectory] : ["--ConnectionStrings:Postgres", postgres];
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public async Task Add_TheFirstAdministrator_SignsIn_MustChangeThePassword_ThenWorks()
    {
        var added = await UserAsync("QuanTri2026x\n", "add", "--name", "quantri.cli", "--role", "administrator", "--display", "Quản trị viên tỉnh");
        Assert.That(added.Exit, Is.EqualTo(ExitCodes.Ok), added.ToString());
        Assert.That(added.Out, Does.Contain("Đã tạo tài khoản 'quantri.cli' (Quản trị viên). Đăng nhập tại /dang-nhap."));

        using var session = new FormSession(host);
        var signIn = await session.SignInAsync("quantri.cli", "QuanTri2026x");
        Assert.That((signIn.Status, signIn.Location), Is.EqualTo((HttpStatusCode.Redirect, "/doi-mat-khau?returnUrl=%2Flam-viec")),
            "a password typed at the command line is an initial password");
        var changed = await session.PostFormAsync("/doi-mat-khau?returnUrl=%2Flam-viec",
            new Dictionary<string, string> { ["current"] = "QuanTri2026x", ["next"] = "QuanTriMoi2026", ["confirm"] = "QuanTriMoi2026" });
        Assert.That((changed.Status, changed.Location), Is.EqualTo((HttpStatusCode.Redirect, "/lam-viec")));
        var home = await session.GetAsync("/lam-viec");
        Assert.That(home.Body, Does.Contain("<dd id=\"vai-tro\">Quản trị viên</dd>"));
        Assert.That(PageHtml.Decode(home.Body), Does.Contain("quantri.cli"));

        var audit = await host.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == "quantri.cli").OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor }).ToListAsync());
        Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { "account.create", "account.change-password" }));
        Assert.That(audit[0].Actor, Does.StartWith("dòng lệnh ("));
    }

    [Test]
    public async Task Add_AUnitAccount_ActsOnlyAsThatUnit()
    {
        var added = await UserAsync("XaA2026abcd\n", "add", "--name", "xa-a.cli", "--role", "unit", "--tenant", TestData.Tenant, "--unit", "xa-a");
        Assert.That(added.Exit, Is.EqualTo(ExitCodes.Ok), added.ToString());
        Assert.That(added.Out, Does.Contain("(Đơn vị, son-la, đơn vị xa-a)"));

        using var session = new FormSession(host);
        await session.SignInAsync("xa-a.cli", "XaA2026abcd");
        await session.PostFormAsync("/doi-mat-khau", new Dictionary<string, string> { ["current"] = "XaA2026abcd", ["next"] = "XaAMoi20261", ["confirm"] = "XaAMoi20261" });
        Assert.That((await session.GetAsync($"/don-vi/{TestData.Tenant}/xa-a")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await session.GetAsync($"/don-vi/{TestData.Tenant}/xa-b")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Add_AnAppraiser_OfOneTenant_OpensTheAppraisalPages()
    {
        var added = await UserAsync("ThamDinh2026x\n", "add", "--name", "thamdinh.cli", "--role", "appraiser", "--tenant", TestData.Tenant);
        Assert.That(added.Exit, Is.EqualTo(ExitCodes.Ok), added.ToString());
        Assert.That(added.Out, Does.Contain("Đã tạo tài khoản 'thamdinh.cli' (Cán bộ thẩm định Sở Nội vụ, son-la)"));

        using var session = new FormSession(host);
        await session.SignInAsync("thamdinh.cli", "ThamDinh2026x");
        await session.PostFormAsync("/doi-mat-khau", new Dictionary<string, string> { ["current"] = "ThamDinh2026x", ["next"] = "ThamDinhMoi2026", ["confirm"] = "ThamDinhMoi2026" });
        var home = PageHtml.Decode((await session.GetAsync("/lam-viec")).Body);
        Assert.That(home, Does.Contain("<dd id=\"vai-tro\">Cán bộ thẩm định Sở Nội vụ</dd>").And.Contain("href=\"/tham-dinh\""));
        Assert.That((await session.GetAsync("/tham-dinh")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await session.GetAsync("/quan-tri")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Reset_ReplacesThePassword_LiftsTheLockout_AndForcesAChange()
    {
        Assert.That((await UserAsync("XaB2026abcd\n", "add", "--name", "xa-b.cli", "--role", "unit", "--tenant", TestData.Tenant, "--unit", "xa-b")).Exit, Is.EqualTo(ExitCodes.Ok));
        using (var session = new FormSession(host))
        {
            await session.SignInAsync("xa-b.cli", "XaB2026abcd");
            await session.PostFormAsync("/doi-mat-khau", new Dictionary<string, string> { ["current"] = "XaB2026abcd", ["next"] = "XaBDaDoi2026", ["confirm"] = "XaBDaDoi2026" });
        }

        using (var session = new FormSession(host))
        {
            for (var i = 0; i < AccountsExtensions.MaxFailedSignIns; i++)
            {
                await session.SignInAsync("xa-b.cli", "SaiMatKhau" + i);
            }

            var locked = await session.SignInAsync("xa-b.cli", "XaBDaDoi2026");
            Assert.That(locked.Body, Does.Contain("Tài khoản tạm khóa"), "locked out before the reset");
        }

        var reset = await UserAsync("DatLai2026xy\r\n", "reset", "--name", "xa-b.cli");
        Assert.That(reset.Exit, Is.EqualTo(ExitCodes.Ok), reset.ToString());
        Assert.That(reset.Out, Does.Contain("Đã đặt mật khẩu mới cho 'xa-b.cli'."));

        using var after = new FormSession(host);
        var old = await after.SignInAsync("xa-b.cli", "XaBDaDoi2026");
        Assert.That(old.Body, Does.Contain("Tên đăng nhập hoặc mật khẩu không đúng."), "the old password no longer works");
        var signIn = await after.SignInAsync("xa-b.cli", "DatLai2026xy");
        Assert.That((signIn.Status, signIn.Location), Is.EqualTo((HttpStatusCode.Redirect, "/doi-mat-khau?returnUrl=%2Flam-viec")), "the lockout is lifted and the new password must be changed");

        var actions = await host.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == "xa-b.cli").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.That(actions, Is.EqualTo(new[] { "account.create", "account.change-password", "account.reset-password" }));
    }

    [TestCase("", new string[0], "thiếu hoặc sai lệnh con", TestName = "{m}(no subcommand)")]
    [TestCase("MatKhau2026x\n", new[] { "remove", "--name", "a" }, "thiếu hoặc sai lệnh con", TestName = "{m}(unknown subcommand)")]
    [TestCase("MatKhau2026x\n", new[] { "add", "--role", "administrator" }, "thiếu --name", TestName = "{m}(no name)")]
    [TestCase("MatKhau2026x\n", new[] { "add", "--name", "x", "--role", "sep" }, "Vai trò 'sep' không hợp lệ; dùng một trong: administrator, rule-maintainer, secretariat, unit, appraiser.", TestName = "{m}(unknown role)")]
    [TestCase("MatKhau2026x\n", new[] { "add", "--name", "x", "--role", "unit", "--tenant", "son-la" }, "Tài khoản đơn vị cần mã tỉnh/xã (tenant) và mã đơn vị (unit).", TestName = "{m}(unit without unit)")]
    [TestCase("MatKhau2026x\n", new[] { "add", "--name", "x", "--role", "appraiser" }, "Tài khoản thẩm định cần mã tỉnh/xã (tenant) của Sở Nội vụ.", TestName = "{m}(appraiser without tenant)")]
    [TestCase("MatKhau2026x\n", new[] { "add", "--name", "x", "--role", "unit", "--tenant", "son-la", "--unit", "xa-z" }, "Không có đơn vị 'xa-z' trong 'son-la'.", TestName = "{m}(unknown unit)")]
    [TestCase("MatKhau2026x\n", new[] { "add", "--name", "x", "--role", "unit", "--tenant", "ha-noi", "--unit", "xa-a" }, "Không có tỉnh/xã 'ha-noi'.", TestName = "{m}(unknown tenant)")]
    [TestCase("MatKhau2026x\n", new[] { "add", "--name", "x", "--role", "secretariat", "--tenant", "son-la", "--groups", "cum-1,cum-9" }, "Không có cụm/khối 'cum-9' trong 'son-la'.", TestName = "{m}(unknown group)")]
    [TestCase("", new[] { "add", "--name", "x", "--role", "administrator" }, "không đọc được mật khẩu từ đầu vào chuẩn", TestName = "{m}(no password on stdin)")]
    [TestCase("ngan\n", new[] { "add", "--name", "x", "--role", "administrator" }, "Mật khẩu phải dài ít nhất 10 ký tự.", TestName = "{m}(short password)")]
    [TestCase("MatKhau2026x\n", new[] { "add", "--name", "x", "--role", "administrator", "--password", "lo-ra" }, "tham số '--password' không hợp lệ", TestName = "{m}(password on the command line)")]
    [TestCase("MatKhau2026x\n", new[] { "reset", "--name", "ai-do" }, "không có tài khoản 'ai-do'", TestName = "{m}(reset of an unknown account)")]
    [TestCase("ngan\n", new[] { "reset", "--name", "da-co" }, "Mật khẩu phải dài ít nhất 10 ký tự.", TestName = "{m}(reset with a short password)")]
    [TestCase("MatKhau2026x\n", new[] { "add", "--name", "da-co", "--role", "administrator" }, "Tên đăng nhập 'da-co' đã có người dùng.", TestName = "{m}(name taken)")]
    public async Task BadInput_IsRefusedClearly_AndWritesNothing(string stdin, string[] args, string message)
    {
        if (await host.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "da-co")) is false)
        {
            Assert.That((await UserAsync("DaCo2026abcd\n", "add", "--name", "da-co", "--role", "administrator")).Exit, Is.EqualTo(ExitCodes.Ok));
        }

        var before = await host.WithDbAsync(db => Task.FromResult((db.Users.Count(), db.AuditLog.Count(), db.Users.Single(u => u.UserName == "da-co").PasswordHash)));
        var result = await UserAsync(stdin, args);

        Assert.That(result.Exit, Is.EqualTo(ExitCodes.BadInput), result.ToString());
        Assert.That(result.Err, Does.Contain(message));
        Assert.That(result.Err, Does.StartWith("Lỗi: "));
        Assert.That(result.HasStackTrace, Is.False, result.ToString());
        Assert.That(result.Out, Is.Empty);
        var after = await host.WithDbAsync(db => Task.FromResult((db.Users.Count(), db.AuditLog.Count(), db.Users.Single(u => u.UserName == "da-co").PasswordHash)));
        Assert.That(after, Is.EqualTo(before), "no account, password or audit entry written");
    }

    private async Task<CliResult> UserAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await UserVerb.RunAsync(["user", .. args, .. configuration], input, output, error);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
