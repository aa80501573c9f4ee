using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Scoring.Host.Apis.Contracts;
using Scoring.Host.Auth;

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

    public static string RuleSetJson(string version = "1.0.0", int maxPoints = 10) => $$"""
        {
          "$schema": "../../schema/rule-set.v1.schema.json",
          "format": 1,
          "id": "son-la.xa",
          "version": "{{version}}",
          "title": "Bộ tiêu chí chấm điểm cấp xã",
          "tenant": "son-la",
          "movement": "dmst-cds-2025-2030",
          "years": { "from": 2025, "to": 2030 },
          "unitKinds": ["locality"],
          "sections": [
            { "id": "s1", "title": "Chuyển đổi số", "maxPoints": {{maxPoints}},
              "criteria": [ { "id": "c1", "title": "DTI", "maxPoints": {{maxPoints}}, "method": "expression", "expression": "dti * 10" } ] }
          ]
        }
        """;

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

    public static MultipartFormDataContent Csv(string text, string fileName) => File(Encoding.UTF8.GetBytes(text), fileName, "text/csv");

    public static MultipartFormDataContent File(byte[] content, string fileName, string contentType)
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
