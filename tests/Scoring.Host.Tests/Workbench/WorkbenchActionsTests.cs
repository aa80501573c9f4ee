using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Accounts;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Workbench;

/// <summary>
/// Every form action of the workbench, signed in with a cookie as a browser is, by whoever may not act on the son-la rule
/// set (a maintainer of another tenant, a secretariat, a unit): each answers the 403 page and changes nothing. The
/// tenant's maintainer and an administrator may; a post without the form's token is refused.
/// </summary>
[TestFixture]
public sealed class WorkbenchActionsTests
{
    private const string Draft = "1.1.0";
    private static readonly string Editor = WorkbenchPaths.Editor(TestData.RuleSetId, Draft);
    private readonly Dictionary<string, string> passwords = [];
    private ScoringHostFactory host = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory();
        await TestData.SeedAsync(host);
        using (var admin = host.ClientFor(Roles.Administrator))
        {
            await TestData.Ensure(await admin.PutAsJsonAsync("/api/tenants/lai-chau",
                new TenantDto("lai-chau", "Tỉnh Lai Châu", [new MovementDto("dmst-cds-2025-2030", "Lai Châu thi đua chuyển đổi số", "KH 36/KH-UBND", "12-01")])));
        }

        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        foreach (var (name, account) in new (string, AccountScope)[]
        {
            ("canbo.son-la", new AccountScope(Roles.RuleMaintainer, TestData.Tenant, null, [])),
            ("canbo.lai-chau", new AccountScope(Roles.RuleMaintainer, "lai-chau", null, [])),
            ("thuky.cum-1", new AccountScope(Roles.Secretariat, TestData.Tenant, null, ["cum-1"])),
            ("donvi.xa-a", new AccountScope(Roles.Unit, TestData.Tenant, "xa-a", [])),
            ("quantri", new AccountScope(Roles.Administrator, null, null, [])),
        })
        {
            var created = await accounts.CreateAsync("test", new NewAccount(name, name, account, null, false), CancellationToken.None);
            Assert.That(created.Errors, Is.Empty);
            passwords[name] = created.Password!;
        }

        var maintainer = new Actor("canbo.son-la", Roles.RuleMaintainer, TestData.Tenant, null, new HashSet<string>());
        var draft = await scope.ServiceProvider.GetRequiredService<RuleSetDrafts>().CreateFromAsync(TestData.RuleSetId, "1.0.0", Draft, maintainer, CancellationToken.None);
        Assert.That(draft.Problem, Is.Null);
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [TestCase("canbo.lai-chau")]
    [TestCase("thuky.cum-1")]
    [TestCase("donvi.xa-a")]
    public async Task EveryAction_IsRefused_AndChangesNothing(string user)
    {
        using var session = await SignedInAsync(user);
        var before = await StateAsync();
        var actions = new (string Action, Dictionary<string, string> Fields)[]
        {
            (WorkbenchPaths.NewVersion(TestData.RuleSetId, "1.0.0"), new() { ["NewVersion"] = "1.9.0" }),
            (Editor + "?handler=Save", new() { ["revision"] = "1", ["t:$.title"] = "Bộ tiêu chí bị sửa trộm" }),
            (Editor + "?handler=Save", new() { ["revision"] = "1", ["op"] = "remove|$.sections[0]" }),
            (Editor + "?handler=Publish", new() { ["revision"] = "1" }),
            (Editor + "?handler=Delete", []),
            (WorkbenchPaths.Json(TestData.RuleSetId, Draft), new() { ["revision"] = "1", ["json"] = "{}" }),
        };
        foreach (var (action, fields) in actions)
        {
            var (status, body, _) = await session.PostFormAsync("/lam-viec", fields, action);
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), action);
            Assert.That(body, Does.Contain("Không có quyền truy cập (403)"), action);
        }

        Assert.That(await StateAsync(), Is.EqualTo(before), "no draft, version or audit entry changed");
    }

    [TestCase("canbo.son-la")]
    [TestCase("quantri")]
    public async Task TheTenantsMaintainer_AndAnAdministrator_MaySave(string user)
    {
        using var session = await SignedInAsync(user);
        var revision = await host.WithDbAsync(db => db.RuleSetDrafts.Where(d => d.Version == Draft).Select(d => d.Revision).SingleAsync());
        var title = $"Bộ tiêu chí sửa bởi {user}";
        var (status, _, location) = await session.PostFormAsync("/lam-viec",
            new Dictionary<string, string> { ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["t:$.title"] = title }, Editor + "?handler=Save");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(location, Is.EqualTo(Editor));
        Assert.That(await host.WithDbAsync(db => db.RuleSetDrafts.Where(d => d.Version == Draft).Select(d => d.Title).SingleAsync()), Is.EqualTo(title));
    }

    [Test]
    public async Task APostWithoutTheFormsToken_IsRefused()
    {
        using var session = await SignedInAsync("canbo.son-la");
        var before = await StateAsync();
        var (status, body, _) = await session.PostFormAsync("/lam-viec", new Dictionary<string, string> { ["revision"] = "1" }, Editor + "?handler=Delete", withToken: false);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("chống giả mạo"));
        Assert.That(await StateAsync(), Is.EqualTo(before));
    }

    private async Task<FormSession> SignedInAsync(string user)
    {
        var session = new FormSession(host);
        var (status, _, location) = await session.SignInAsync(user, passwords[user]);
        Assert.That((status, location), Is.EqualTo((HttpStatusCode.Redirect, "/lam-viec")), user);
        return session;
    }

    private Task<string> StateAsync() => host.WithDbAsync(async db =>
        string.Join(" | ", (await db.RuleSetDrafts.OrderBy(d => d.Id).Select(d => d.Version + "#" + d.Revision + ":" + d.Title).ToListAsync())
            .Concat(await db.RuleSetVersions.OrderBy(v => v.Id).Select(v => v.Version).ToListAsync())
            .Append((await db.AuditLog.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
