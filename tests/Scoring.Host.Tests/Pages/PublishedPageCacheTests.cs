using System.Net;
using System.Net.Http.Json;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Pages;

/// <summary>
/// The public pages' output cache (<c>PublishedPageCachePolicy</c>): an anonymous reader's second request is served from
/// the cache with the same bytes, a publish makes every page of the tenant render again at once, and a signed-in reader
/// is never served a cached page.
/// </summary>
[TestFixture]
public sealed class PublishedPageCacheTests
{
    private ScoringHostFactory host = null!;
    private HttpClient client = null!;
    private long unpublished;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory();
        (_, unpublished) = await PublishedSite.PrepareAsync(host);
        client = host.CreateClient();
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        client.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task A_page_is_served_from_the_cache_until_a_publish_then_rendered_again()
    {
        var (first, firstHtml) = await GetAsync(client, "/ket-qua/son-la/2025");
        var (second, secondHtml) = await GetAsync(client, "/ket-qua/son-la/2025");
        await GetAsync(client, "/");
        var (homeAgain, _) = await GetAsync(client, "/");
        var (missing, _) = await GetAsync(client, "/ket-qua/son-la/2025/xa-c");

        Assert.That(first.Headers.Age, Is.Null, "the first request renders the page");
        Assert.That(second.Headers.Age, Is.Not.Null, "the second is served from the cache");
        Assert.That(secondHtml, Is.EqualTo(firstHtml));
        Assert.That(firstHtml, Does.Not.Contain("Cụm thi đua số 2"));
        Assert.That(homeAgain.Headers.Age, Is.Not.Null);
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "xa-c is in cụm 2, whose run is not published yet");

        using (var admin = host.ClientFor(Roles.Administrator))
        {
            await TestData.Ensure(await admin.PostAsync($"/api/runs/{unpublished}/publish", null));
        }

        var (after, afterHtml) = await GetAsync(client, "/ket-qua/son-la/2025");
        var (card, cardHtml) = await GetAsync(client, "/ket-qua/son-la/2025/xa-c");
        var (homeAfter, _) = await GetAsync(client, "/");
        Assert.That(after.Headers.Age, Is.Null, "the publish changed the tenant's generation: rendered again");
        Assert.That(afterHtml, Does.Contain("Cụm thi đua số 2"));
        Assert.That(card.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a 404 is never cached");
        Assert.That(cardHtml, Does.Contain("xa-c"));
        Assert.That(homeAfter.Headers.Age, Is.Null, "the home page follows every tenant's publications");
    }

    [Test]
    public async Task A_signed_in_reader_always_gets_a_fresh_page()
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        await GetAsync(maintainer, "/ket-qua/son-la/2025");
        var (again, _) = await GetAsync(maintainer, "/ket-qua/son-la/2025");
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.Headers.Age, Is.Null);
    }

    [Test]
    public async Task A_change_of_the_tenants_movement_evicts_the_cached_pages()
    {
        await GetAsync(client, "/");
        var (cached, _) = await GetAsync(client, "/");
        Assert.That(cached.Headers.Age, Is.Not.Null);

        using var admin = host.ClientFor(Roles.Administrator);
        await TestData.Ensure(await admin.PutAsJsonAsync($"/api/tenants/{TestData.Tenant}",
            new TenantDto(TestData.Tenant, "Tỉnh Sơn La", [new MovementDto("dmst-cds-2025-2030", "Sơn La thi đua chuyển đổi số (tên mới)", "QĐ 1470/QĐ-UBND", "11-10")])));
        var (home, html) = await GetAsync(client, "/");

        Assert.That(home.Headers.Age, Is.Null);
        Assert.That(html, Does.Contain("Sơn La thi đua chuyển đổi số (tên mới)"));
    }

    private static async Task<(HttpResponseMessage Response, string Html)> GetAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }
}
