using System.Net;
using System.Net.Http.Json;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> on the real host over real Kestrel (so the caller's address is a real one, 127.0.0.1): what operators
/// scrape after real requests, runs and database work, and who may scrape it.
/// </summary>
[NonParallelizable]
public sealed class MetricsEndpointTests
{
    [TestCase("sqlite")]
    [TestCase("postgresql")]
    public async Task Scrape_FromLoopback_AfterRealRequests_ShowsRequestRunAndDatabaseMetrics(string database)
    {
        using var host = new ScoringHostFactory(postgres: database == "postgresql" ? PostgresFixture.Instance.CreateDatabase() : null);
        host.UseKestrel(0);
        host.StartServer();
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var response = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));
        await TestData.Ensure(response);
        var run = (await response.Content.ReadFromJsonAsync<RunDto>())!;
        Assert.That((await TestData.WaitForRunAsync(maintainer, run.Id)).Status, Is.EqualTo("completed"));
        using var anonymous = host.CreateClient();

        var scrape = await anonymous.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.That(scrape.StatusCode, Is.EqualTo(HttpStatusCode.OK), "loopback is allowed by default, without a token");
        Assert.That(scrape.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(Scrape.Sum(text, "http_server_request_duration_seconds_count", "http_route=\"/api/tenants/{tenant}/runs", "http_request_method=\"POST\""),
            Is.GreaterThanOrEqualTo(1), () => "the run request was measured with its route:\n" + Lines(text, "http_server_request_duration_seconds_count"));
        Assert.That(Scrape.Sum(text, "scoring_runs_total", "outcome=\"completed\""), Is.GreaterThanOrEqualTo(1), text);
        Assert.That(Scrape.Sum(text, "scoring_run_duration_seconds_count", "outcome=\"completed\""), Is.GreaterThanOrEqualTo(1));
        Assert.That(Scrape.Sum(text, "scoring_run_units_total"), Is.GreaterThanOrEqualTo(3), "the seeded groups hold three or more units");
        Assert.That(Scrape.Sum(text, "scoring_db_command_duration_seconds_count", $"db_system=\"{database}\"", "db_operation=\"SELECT\"", "outcome=\"ok\""),
            Is.GreaterThan(0));
        Assert.That(Scrape.Sum(text, "scoring_db_command_duration_seconds_count", $"db_system=\"{database}\"", "db_operation=\"INSERT\""),
            Is.GreaterThan(0), "the run's results were inserted");
        Assert.That(text, Does.Contain("dotnet_gc_collections_total"), "runtime metrics");
    }

    private static string Lines(string text, string metric) =>
        string.Join('\n', text.Split('\n').Where(l => l.StartsWith(metric, StringComparison.Ordinal)));

    [Test]
    public async Task Scrape_FromOutsideTheAllowedNetworks_IsForbidden_ButAnAdministratorMayScrape()
    {
        using var host = new ScoringHostFactory(settings: new Dictionary<string, string?> { ["Metrics:AllowedNetworks"] = "10.0.0.0/8, 192.168.1.7" });
        host.UseKestrel(0);
        host.StartServer();
        using var anonymous = host.CreateClient();
        using var secretariat = host.ClientFor(Roles.Secretariat, TestData.Tenant, null, "cum-1");
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var admin = host.ClientFor(Roles.Administrator);

        var fromAnonymous = await anonymous.GetAsync("/metrics");
        var fromSecretariat = await secretariat.GetAsync("/metrics");
        var fromMaintainer = await maintainer.GetAsync("/metrics");
        var fromAdmin = await admin.GetAsync("/metrics");

        Assert.That(fromAnonymous.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(fromSecretariat.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(fromMaintainer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(fromSecretariat.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await fromSecretariat.Content.ReadAsStringAsync(), Does.Contain("Metrics:AllowedNetworks"));
        Assert.That(await fromSecretariat.Content.ReadAsStringAsync(), Does.Not.Contain("# TYPE"));
        Assert.That(fromAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await fromAdmin.Content.ReadAsStringAsync(), Does.Contain("# TYPE http_server_request_duration_seconds histogram"));
    }

    [Test]
    public async Task InMemoryHost_WithoutACallerAddress_IsForbiddenToAnonymous()
    {
        using var host = new ScoringHostFactory();
        using var anonymous = host.CreateClient();

        var response = await anonymous.GetAsync("/metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "no address is no network");
    }
}
