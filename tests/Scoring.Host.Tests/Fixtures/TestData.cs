using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>Builds a small tenant through the API: Sơn La-like, two clusters of communes, a published rule set.</summary>
internal static class TestData
{
    public const string Tenant = "son-la";

    public const string UnitsCsv =
        "code,name,kind,validFrom,validTo,successor\n" +
        "xa-a,Xã Chiềng Cơi,locality,2025-07-01,,\n" +
        "xa-b,Xã Mường Bú,locality,2025-07-01,,\n" +
        "xa-c,\"Phường Tô Hiệu, TP Sơn La\",locality,2025-07-01,,\n" +
        "xa-d,Xã Cũ,locality,2020-01-01,2025-06-30,xa-c\n";

    public const string GroupsCsv =
        "group,groupName,groupKind,unit,role\n" +
        "cum-1,Cụm thi đua số 1,cluster,xa-a,head\n" +
        "cum-1,Cụm thi đua số 1,cluster,xa-b,member\n" +
        "cum-2,Cụm thi đua số 2,cluster,xa-c,head\n" +
        "cum-2,Cụm thi đua số 2,cluster,xa-d,member\n";

    public const string RuleSetId = "son-la.dmst-cds.ubnd-xa-phuong";

    /// <summary>The catalog's rule set for Sơn La's communes, optionally with another version or title.</summary>
    public static string RuleSetJson(string version = "1.0.0", string? title = null)
    {
        var root = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(CatalogFile("ubnd-xa-phuong.rules.json")));
        root["version"] = version;
        if (title is not null)
        {
            root["title"] = title;
        }

        return root.ToString();
    }

    public static string CatalogFile(string name) => Path.Combine(RepositoryRoot, "rules-catalog", "son-la", "dmst-cds-2025-2030", name);

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "rules-catalog")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("rules-catalog not found above the test binaries.");
        }
    }

    public static async Task SeedAsync(ScoringHostFactory host)
    {
        var admin = host.ClientFor(Roles.Administrator);
        var tenant = await admin.PutAsJsonAsync($"/api/tenants/{Tenant}",
            new TenantDto(Tenant, "Tỉnh Sơn La", [new MovementDto("dmst-cds-2025-2030", "Sơn La thi đua đổi mới sáng tạo và chuyển đổi số", "QĐ 1470/QĐ-UBND", "11-10")]));
        await Ensure(tenant);
        await Ensure(await admin.PostAsync($"/api/tenants/{Tenant}/units/import", Csv(UnitsCsv, "units.csv")));
        await Ensure(await admin.PostAsync($"/api/tenants/{Tenant}/groups/2025/import", Csv(GroupsCsv, "groups-2025.csv")));
        var maintainer = host.ClientFor(Roles.RuleMaintainer, Tenant);
        await Ensure(await maintainer.PostAsync("/api/rule-sets", new StringContent(RuleSetJson(), Encoding.UTF8, "application/json")));
    }

    public static MultipartFormDataContent Csv(string text, string fileName) => Upload(Encoding.UTF8.GetBytes(text), fileName, "text/csv");

    public static MultipartFormDataContent Upload(byte[] content, string fileName, string contentType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { body, "file", fileName } };
    }

    public static async Task Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static async Task<RunDto> WaitForRunAsync(HttpClient client, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var run = (await client.GetFromJsonAsync<RunDto>($"/api/runs/{id}"))!;
            if (run.Status is "completed" or "failed")
            {
                return run;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Run {id} did not finish: {run.Status} {run.Progress}/{run.Total}");
            }

            await Task.Delay(100);
        }
    }

    public static HttpStatusCode Status(this HttpResponseMessage response) => response.StatusCode;
}
