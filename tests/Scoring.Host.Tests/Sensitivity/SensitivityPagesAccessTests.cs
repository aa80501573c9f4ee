using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Sensitivity;
using Scoring.Host.Tests.Accounts;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Pages;

namespace Scoring.Host.Tests.Sensitivity;

/// <summary>
/// The sensitivity pages, signed in with a cookie as a browser is: a draft's page for its tenant's maintainers and
/// administrators, a run's page for staff who read the run; everyone else gets the 403 page, on GET and on the form's POST;
/// a POST without the form's token is refused.
/// </summary>
[TestFixture]
public sealed class SensitivityPagesAccessTests
{
    private const string DraftVersion = "1.3.0";
    private static readonly string DraftPage = SensitivityPaths.Draft(TestData.RuleSetId, DraftVersion);
    private readonly Dictionary<string, string> passwords = [];
    private ScoringHostFactory host = null!;
    private string runPage = "";

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory();
        var (cluster1Run, _) = await PublishedSite.PrepareAsync(host);
        runPage = SensitivityPaths.Run(cluster1Run);
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
            ("thuky.cum-2", new AccountScope(Roles.Secretariat, TestData.Tenant, null, ["cum-2"])),
            ("donvi.xa-a", new AccountScope(Roles.Unit, TestData.Tenant, "xa-a", [])),
            ("quantri", new AccountScope(Roles.Administrator, null, null, [])),
        })
        {
            var created = await accounts.CreateAsync("test", new NewAccount(name, name, account, null, false), CancellationToken.None);
            Assert.That(created.Errors, Is.Empty);
            passwords[name] = created.Password!;
        }

        var maintainer = new Actor("canbo.son-la", Roles.RuleMaintainer, TestData.Tenant, null, new HashSet<string>());
        var draft = await scope.ServiceProvider.GetRequiredService<RuleSetDrafts>().CreateFromAsync(TestData.RuleSetId, "1.0.0", DraftVersion, maintainer, CancellationToken.None);
        Assert.That(draft.Problem, Is.Null);
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [TestCase("canbo.lai-chau")]
    [TestCase("thuky.cum-1")]
    [TestCase("donvi.xa-a")]
    public async Task The_drafts_page_refuses_whoever_does_not_maintain_its_tenant(string user)
    {
        using var session = await SignedInAsync(user);
        var (status, body, _) = await session.GetAsync(DraftPage);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body, Does.Contain("Không có quyền truy cập (403)"));

        (status, body, _) = await session.PostFormAsync("/lam-viec", Form(), DraftPage);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body, Does.Contain("Không có quyền truy cập (403)").And.Not.Contain("bang-do-nhay"));
    }

    [TestCase("canbo.lai-chau")]
    [TestCase("thuky.cum-2")]
    [TestCase("donvi.xa-a")]
    public async Task The_runs_page_refuses_whoever_may_not_read_the_run(string user)
    {
        using var session = await SignedInAsync(user);
        var (status, body, _) = await session.GetAsync(runPage);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body, Does.Contain("Không có quyền truy cập (403)"));

        (status, body, _) = await session.PostFormAsync("/lam-viec", Form(), runPage);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(body, Does.Not.Contain("bang-do-nhay"));
    }

    [TestCase("canbo.son-la")]
    [TestCase("quantri")]
    public async Task The_tenants_maintainer_and_an_administrator_analyse_the_draft(string user)
    {
        using var session = await SignedInAsync(user);
        var (status, body, _) = await session.PostFormAsync(DraftPage, Form());
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.Contain("Đã thử 50 lần").And.Contain("data-group=\"cum-1\""));
    }

    [TestCase("thuky.cum-1")]
    [TestCase("canbo.son-la")]
    [TestCase("quantri")]
    public async Task Staff_who_read_the_run_analyse_it(string user)
    {
        using var session = await SignedInAsync(user);
        var (status, body, _) = await session.PostFormAsync(runPage, Form());
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Does.Contain("Đã thử 50 lần").And.Contain("class=\"bang-do-nhay\" data-group=\"cum-1\""));
    }

    [Test]
    public async Task A_post_without_the_forms_token_is_refused()
    {
        using var session = await SignedInAsync("canbo.son-la");
        var (status, body, _) = await session.PostFormAsync(DraftPage, Form(), withToken: false);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("chống giả mạo"));
    }

    [TestCase("bien-do", "0", "bien-do-loi", "phải lớn hơn 0 và nhỏ hơn 100 (phần trăm), không phải 0.")]
    [TestCase("bien-do", "mười", "bien-do-loi", "phải là một số phần trăm như 10 hoặc 7,5, không phải «mười».")]
    [TestCase("hat-giong", "-1", "hat-giong-loi", "phải là số nguyên từ 0 đến 18446744073709551615, không phải «-1».")]
    public async Task A_number_the_form_refuses_is_named_beside_its_field(string field, string value, string id, string message)
    {
        using var session = await SignedInAsync("canbo.son-la");
        var fields = Form();
        fields[field] = value;
        var (status, body, _) = await session.PostFormAsync(runPage, fields);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(WebUtility.HtmlDecode(body), Does.Match($"id=\"{id}\" role=\"alert\">[^<]*{System.Text.RegularExpressions.Regex.Escape(message)}</p>"));
        Assert.That(body, Does.Not.Contain("bang-do-nhay"));
    }

    private static Dictionary<string, string> Form() => new() { ["nam"] = "2025", ["bien-do"] = "10", ["so-lan"] = "50", ["hat-giong"] = "1" };

    private async Task<FormSession> SignedInAsync(string user)
    {
        var session = new FormSession(host);
        var (status, _, location) = await session.SignInAsync(user, passwords[user]);
        Assert.That((status, location), Is.EqualTo((HttpStatusCode.Redirect, "/lam-viec")), user);
        return session;
    }
}
