using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Caching;

/// <summary>Helpers for the cache scenarios: a host with Redis and the stamping calculator, publishing runs, reading cards.</summary>
internal static class CacheScenario
{
    public const string CardPath = "/api/tenants/son-la/results/2025/units/xa-a";

    private static int imports;

    public static ScoringHostFactory Host(string redis, string? postgres = null, IRunCalculator? calculator = null)
    {
        var host = new ScoringHostFactory(postgres, redis, services: s =>
        {
            s.RemoveAll<IRunCalculator>();
            s.AddSingleton(calculator ?? new StampingCalculator());
        });
        _ = host.Server;
        return host;
    }

    public static RedisResultCache Cache(this ScoringHostFactory host) => (RedisResultCache)host.Service<IResultCache>();

    /// <summary>Imports a new DTI value for xa-a (so the inputs differ), runs the whole tenant for 2025 and publishes the run.</summary>
    public static async Task<long> PublishRunAsync(ScoringHostFactory host)
    {
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var admin = host.ClientFor(Roles.Administrator);
        var dti = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"0.{Interlocked.Increment(ref imports):D3}");
        await TestData.Ensure(await maintainer.PostAsync("/api/tenants/son-la/imports/dti/2025", TestData.Csv($"unit,dti\nxa-a,{dti}\n", "dti.csv")));
        var response = await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null));
        await TestData.Ensure(response);
        var run = (await response.Content.ReadFromJsonAsync<RunDto>())!;
        Assert.That((await TestData.WaitForRunAsync(maintainer, run.Id)).Status, Is.EqualTo("completed"));
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{run.Id}/publish", null));
        return run.Id;
    }

    /// <summary>The published card of xa-a as anyone reads it: the status and the calculation it came from (0 when not found).</summary>
    public static async Task<(HttpStatusCode Status, int Calculation)> CardAsync(ScoringHostFactory host)
    {
        using var anonymous = host.CreateClient();
        var response = await anonymous.GetAsync(CardPath);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, 0);
        }

        using var card = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, card.RootElement.GetProperty("calculation").GetInt32());
    }

    public static Task<string> GenerationAsync(ScoringHostFactory host) =>
        host.WithDbAsync(db => PublishGeneration.ReadAsync(db, TestData.Tenant, 2025, CancellationToken.None));

    public static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), what);
            await Task.Delay(50);
        }
    }
}
