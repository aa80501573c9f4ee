using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Accounts;
using Scoring.Host.Tests.Apis;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Jobs;

/// <summary>
/// The Hangfire dashboard at <c>/hangfire</c>: administrators (bearer token or sign-in cookie) see it; everyone else gets 403 — a caller
/// without valid credentials as well as every other role, for pages and for actions alike (a browser the Vietnamese 403 page); nothing of
/// it is loaded from outside the service.
/// </summary>
public sealed class DashboardTests
{
    private const string YearlyJob = "yearly:son-la:dmst-cds-2025-2030";
    private ScoringHostFactory host = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
    }

    [TearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public async Task Administrator_SeesTheDashboardAndTheYearlyJobs_AllServedByTheService()
    {
        using var admin = host.ClientFor(Roles.Administrator);

        var home = await admin.GetAsync("/hangfire");
        var recurring = await admin.GetAsync("/hangfire/recurring");

        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await home.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Scoring — Hangfire"));
        Assert.That(recurring.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var list = await recurring.Content.ReadAsStringAsync();
        Assert.That(list, Does.Contain(YearlyJob).And.Contain(ReminderJob.RecurringJobId));
        var loaded = Regex.Matches(html + list, @"<(?:script|link|img)\b[^>]*\b(?:src|href)=""(?<url>[^""]+)""").Select(m => m.Groups["url"].Value).ToList();
        Assert.That(loaded, Is.Not.Empty);
        Assert.That(loaded, Has.All.StartsWith("/hangfire/").Or.StartsWith("data:"), "scripts, styles and images come from the service itself");
        foreach (var url in loaded.Distinct().Where(u => u.StartsWith('/')))
        {
            Assert.That((await admin.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        }
    }

    [Test]
    public async Task SignedInAdministrator_SeesIt_ASignedInSecretariat_403()
    {
        var adminPassword = await CreateAccountAsync("quan-tri.hangfire", new AccountScope(Roles.Administrator, null, null, []));
        var secretariatPassword = await CreateAccountAsync("thuky.hangfire", new AccountScope(Roles.Secretariat, TestData.Tenant, null, ["cum-1"]));
        using var admin = new FormSession(host);
        using var secretariat = new FormSession(host);
        await admin.SignInAsync("quan-tri.hangfire", adminPassword);
        await secretariat.SignInAsync("thuky.hangfire", secretariatPassword);

        var page = await admin.GetAsync("/hangfire/recurring");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Body, Does.Contain(YearlyJob));
        Assert.That((await secretariat.GetAsync("/hangfire/recurring")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("/hangfire")]
    [TestCase("/hangfire/recurring")]
    [TestCase("/hangfire/jobs/succeeded")]
    public async Task WithoutCredentials_403_WithAnotherSigningKey_403(string page)
    {
        using var anonymous = host.ClientFor(Roles.Public);
        using var forged = host.ClientFor(Roles.Public);
        var settings = new AuthSettings(AuthSettings.DefaultIssuer, AuthSettings.DefaultAudience, null, System.Text.Encoding.UTF8.GetBytes("another-signing-key-that-is-long-enough-0123456789"));
        forged.DefaultRequestHeaders.Authorization = new("Bearer", TokenIssuer.Mint(settings, "intruder", Roles.Administrator, null, null, null, TimeSpan.FromHours(1)));

        var refused = await anonymous.GetAsync(page);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "administrators only: everyone else 403, signed in or not");
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("chỉ dành cho quản trị viên"));
        Assert.That((await forged.GetAsync(page)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an administrator token not signed with our key");
        var trigger = await anonymous.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", YearlyJob)]));
        Assert.That(trigger.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task ABrowserWithoutASession_GetsTheVietnamese403Page_OfferingSignIn()
    {
        using var browser = host.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/recurring");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

        var page = await browser.SendAsync(request);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "not a redirect: the dashboard is refused, not hidden behind sign-in");
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("Không có quyền truy cập (403)"));
        Assert.That(html, Does.Contain("Bạn chưa đăng nhập nên không được mở trang “/hangfire/recurring”"));
        Assert.That(html, Does.Contain("href=\"/dang-nhap\""), "the page's header offers sign-in");
        Assert.That(html, Does.Not.Contain(YearlyJob));
    }

    [TestCase(Roles.RuleMaintainer)]
    [TestCase(Roles.Secretariat)]
    [TestCase(Roles.Unit)]
    public async Task OtherRoles_403_ForPagesAndActions_AndTheJobStays(string role)
    {
        using var client = host.ClientFor(role, TestData.Tenant, role == Roles.Unit ? "xa-a" : null, role == Roles.Secretariat ? ["cum-1"] : []);

        Assert.That((await client.GetAsync("/hangfire")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await client.GetAsync("/hangfire/recurring")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var remove = await client.PostAsync("/hangfire/recurring/remove", new FormUrlEncodedContent([new("jobs[]", YearlyJob)]));
        var trigger = await client.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", YearlyJob)]));

        Assert.That(remove.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(trigger.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var connection = host.Service<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == YearlyJob);
        Assert.That((job?.Id, job?.LastJobId), Is.EqualTo((YearlyJob, (string?)null)), "neither removed nor triggered");
    }

    private async Task<string> CreateAccountAsync(string user, AccountScope scope)
    {
        await using var services = host.Services.CreateAsyncScope();
        var result = await services.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync("test", new NewAccount(user, user, scope, null, false), CancellationToken.None);
        Assert.That(result.Errors, Is.Empty);
        return result.Password!;
    }
}
