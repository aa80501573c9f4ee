using System.Net.Http.Json;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Pages;

/// <summary>
/// Data for the page tests, made only through the service's API with the real engine: Sơn La's communes submit their
/// reports, run 1 scores cụm 1 and is published, run 2 scores cụm 2 and stays unpublished.
/// </summary>
internal static class PublishedSite
{
    public static async Task<(long Published, long Unpublished)> PrepareAsync(ScoringHostFactory host)
    {
        await TestData.SeedAsync(host);
        await SubmitAsync(host, "xa-a", new()
        {
            ["planIssuedOn"] = "2025-07-20", ["launchHeld"] = "true", ["communicationItems"] = "6", ["reportSubmittedOn"] = "2025-11-01",
            ["dti"] = "0.82", ["staffTrained"] = "40", ["staffTotal"] = "50", ["cyberDrillHeld"] = "true", ["digitalModels"] = "2",
            ["pas766"] = "92", ["fullyOnlineProcedureRate"] = "90", ["onlineApplicationRate"] = "80", ["digitisedRecordsRate"] = "100",
            ["onlinePaymentRate"] = "70", ["residentsTrained"] = "900", ["residentsTarget"] = "1000", ["vneidCertificates"] = "600",
            ["adultPopulation"] = "1000", ["staffCertifiedRate"] = "90", ["assignedTasksCompleted"] = "10", ["assignedTasksTotal"] = "10",
        });
        await SubmitAsync(host, "xa-b", new()
        {
            ["planIssuedOn"] = "2025-08-20", ["launchHeld"] = "false", ["communicationItems"] = "2", ["reportSubmittedOn"] = "2025-11-05",
            ["dti"] = "0.55", ["staffTrained"] = "10", ["staffTotal"] = "50",
        });
        await SubmitAsync(host, "xa-c", new() { ["planIssuedOn"] = "2025-07-01", ["launchHeld"] = "true", ["dti"] = "0.9" });

        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var admin = host.ClientFor(Roles.Administrator);
        var published = await RunAsync(maintainer, "cum-1");
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{published}/publish", null));
        var unpublished = await RunAsync(maintainer, "cum-2");
        return (published, unpublished);
    }

    private static async Task<long> RunAsync(HttpClient maintainer, string group)
    {
        var response = await maintainer.PostAsJsonAsync($"/api/tenants/{TestData.Tenant}/runs", new RunRequest(2025, TestData.RuleSetId, null, [group]));
        await TestData.Ensure(response);
        var run = (await response.Content.ReadFromJsonAsync<RunDto>())!;
        var done = await TestData.WaitForRunAsync(maintainer, run.Id);
        Assert.That(done.Status, Is.EqualTo("completed"), done.Error);
        return run.Id;
    }

    private static async Task SubmitAsync(ScoringHostFactory host, string unit, Dictionary<string, string> values)
    {
        using var client = host.ClientFor(Roles.Unit, TestData.Tenant, unit);
        var path = $"/api/tenants/{TestData.Tenant}/submissions/2025/{unit}";
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new SubmissionValues(values)) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        var put = await client.SendAsync(request);
        await TestData.Ensure(put);
        if ((await put.Content.ReadFromJsonAsync<SubmissionDto>())!.Status == "draft")
        {
            await TestData.Ensure(await client.PostAsync(path + "/submit", null));
        }
    }
}
