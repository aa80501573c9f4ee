using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;
using Scoring.Host.Tests.Pages;

namespace Scoring.Host.Tests.Runs;

/// <summary>
/// POST /api/runs/{id}/verify scores a run's frozen inputs again with the real engine and its pinned rule-set version, compares
/// the bytes with the stored result, stores and audits the verification, and the public card shows the last one. A run
/// stored in the form before explanations became data still loads on the card page and verifies by its outcomes.
/// </summary>
[TestFixture(Backend.Sqlite)]
[TestFixture(Backend.Postgres)]
public sealed class RunVerificationTests(Backend backend)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Test]
    public async Task APublishedRun_VerifiesByteForByte_IsStoredAndAudited_AndTheCardShowsIt()
    {
        using var host = Start();
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var admin = host.ClientFor(Roles.Administrator);
        var run = await CompletedRunAsync(maintainer);
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{run.Id}/publish", null));
        using var anonymous = host.ClientFor(Roles.Public);
        Assert.That(PageHtml.Decode(await anonymous.GetStringAsync("/ket-qua/son-la/2025/xa-a")), Does.Contain("Chưa kiểm chứng"));

        host.Clock.Now = NodaTime.Instant.FromUtc(2025, 12, 3, 8, 30);
        var response = await maintainer.PostAsync($"/api/runs/{run.Id}/verify", null);
        var verification = (await response.Content.ReadFromJsonAsync<JsonElement>(Web))!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(verification.GetProperty("identical").GetBoolean(), Is.True, verification.ToString());
        Assert.That(verification.GetProperty("storedFormat").GetString(), Is.EqualTo("explanations"));
        Assert.That(verification.GetProperty("replayedSha256").GetString(), Is.EqualTo(run.ResultSha256).And.Not.Null);
        Assert.That(verification.GetProperty("difference").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var stored = await host.WithDbAsync(db => db.RunVerifications.SingleAsync(v => v.RunId == run.Id));
        Assert.That((stored.Identical, stored.VerifiedBy), Is.EqualTo((true, "rule-maintainer-son-la (rule-maintainer)")));
        var key = run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await host.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.Action == "run.verify" && a.EntityKey == key));
        Assert.That(audit.Actor, Is.EqualTo(stored.VerifiedBy));
        Assert.That(audit.AfterSha256, Does.Match("^[0-9a-f]{64}$"), "the audit entry hashes the stored verification");

        var html = PageHtml.Decode(await anonymous.GetStringAsync("/ket-qua/son-la/2025/xa-a"));
        Assert.That(html, Does.Contain("<dt>Kiểm chứng lần cuối</dt>"));
        Assert.That(html, Does.Contain("03/12/2025 15:30: chấm lại từ dữ liệu đã lưu cho đúng từng byte kết quả đã công bố"),
            "the time in Asia/Ho_Chi_Minh, and what was found");
    }

    [Test]
    public async Task AStoredResultThatNoLongerMatches_IsReportedWithItsFirstDifference()
    {
        using var host = Start();
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var run = await CompletedRunAsync(maintainer);
        // Change one stored total (an unpublished run's row may still change) without its hash: the replay must notice.
        await host.WithDbAsync(async db =>
        {
            var row = await db.ScoringRuns.SingleAsync(r => r.Id == run.Id);
            var at = row.ResultJson!.IndexOf("\"total\":", StringComparison.Ordinal);
            row.ResultJson = row.ResultJson[..at] + "\"total\":99" + row.ResultJson[row.ResultJson.IndexOfAny([',', '}'], at)..];
            return await db.SaveChangesAsync();
        });

        var verification = (await (await maintainer.PostAsync($"/api/runs/{run.Id}/verify", null)).Content.ReadFromJsonAsync<JsonElement>(Web))!;

        Assert.That(verification.GetProperty("identical").GetBoolean(), Is.False);
        Assert.That(verification.GetProperty("difference").GetString(), Does.StartWith("dòng 1, cột ").And.Contain("\"total\":99"));
        Assert.That(verification.GetProperty("replayedSha256").GetString(), Is.EqualTo(run.ResultSha256), "the inputs still score to the hash stored at completion");
    }

    [Test]
    public async Task ARunStoredInTheFormBeforeExplanationsWereData_LoadsOnTheCardPage_AndVerifiesByItsOutcomes()
    {
        using var host = Start();
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        using var admin = host.ClientFor(Roles.Administrator);
        var run = await CompletedRunAsync(maintainer);
        var proseReason = await StoreInProseFormAsync(host, run.Id);
        await TestData.Ensure(await admin.PostAsync($"/api/runs/{run.Id}/publish", null));

        using var anonymous = host.ClientFor(Roles.Public);
        var page = await anonymous.GetAsync("/ket-qua/son-la/2025/xa-a");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(PageHtml.Reason(html, "I.1"), Is.EqualTo(proseReason), "the stored reason, as it was written");
        var api = await anonymous.GetFromJsonAsync<JsonElement>("/api/tenants/son-la/results/2025/units/xa-a");
        Assert.That(api.GetProperty("sections")[0].GetProperty("criteria")[0].GetProperty("reason").GetString(), Is.EqualTo(proseReason),
            "the stored card is served as stored");

        var verification = (await (await maintainer.PostAsync($"/api/runs/{run.Id}/verify", null)).Content.ReadFromJsonAsync<JsonElement>(Web))!;
        Assert.That(verification.GetProperty("storedFormat").GetString(), Is.EqualTo("prose-reasons"));
        Assert.That(verification.GetProperty("identical").GetBoolean(), Is.False, "the engine no longer writes that form");
        Assert.That(verification.GetProperty("outcomesIdentical").GetBoolean(), Is.True, verification.ToString());
        Assert.That(verification.GetProperty("difference").GetString(), Does.Contain("định dạng cũ").And.Contain("trùng khớp"));
        Assert.That(PageHtml.Decode(await anonymous.GetStringAsync("/ket-qua/son-la/2025/xa-a")),
            Does.Contain("kết quả lưu theo định dạng cũ; chấm lại cho cùng tổng điểm, thứ hạng, xếp loại và khen thưởng"));
    }

    [Test]
    public async Task UnknownAndUnfinishedRuns_AreRefusedWithAReason()
    {
        using var host = Start();
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        var run = await CompletedRunAsync(maintainer);
        await host.WithDbAsync(async db =>
        {
            var row = await db.ScoringRuns.SingleAsync(r => r.Id == run.Id);
            row.Status = RunStatus.Failed;
            return await db.SaveChangesAsync();
        });

        var unknown = await maintainer.PostAsync("/api/runs/999/verify", null);
        var failed = await maintainer.PostAsync($"/api/runs/{run.Id}/verify", null);

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("Không có lượt chấm 999."));
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await failed.Content.ReadAsStringAsync(), Does.Contain("chưa hoàn tất (trạng thái failed)"));
        Assert.That(await host.WithDbAsync(db => db.RunVerifications.CountAsync()), Is.Zero, "nothing is recorded for a refusal");
    }

    private ScoringHostFactory Start()
    {
        var host = new ScoringHostFactory(backend == Backend.Postgres ? PostgresFixture.Instance.CreateDatabase() : null);
        _ = host.Server;
        return host;
    }

    private static async Task<RunDto> CompletedRunAsync(HttpClient client)
    {
        var created = (await (await client.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null))).Content.ReadFromJsonAsync<RunDto>())!;
        var run = await TestData.WaitForRunAsync(client, created.Id);
        Assert.That(run.Status, Is.EqualTo("completed"), run.Error);
        return run;
    }

    /// <summary>
    /// Rewrites a stored run as runs were stored before explanations became data: every criterion {id, title, points,
    /// maxPoints, values [{name, value as invariant text}], outcome, reason}, in the cards and in the hashed result document,
    /// whose hash is stored again. Returns the reason stored for xa-a's first criterion.
    /// </summary>
    private static async Task<string> StoreInProseFormAsync(ScoringHostFactory host, long runId)
    {
        await host.WithDbAsync(async db =>
        {
            var run = await db.ScoringRuns.SingleAsync(r => r.Id == runId);
            run.ResultJson = ToProse(run.ResultJson!);
            run.ResultSha256 = ContentHash.Of(run.ResultJson);
            foreach (var result in await db.UnitResults.Where(r => r.RunId == runId).ToListAsync())
            {
                result.CardJson = ToProse(result.CardJson);
            }

            return await db.SaveChangesAsync();
        });
        var card = await host.WithDbAsync(db => db.UnitResults.SingleAsync(r => r.RunId == runId && r.UnitCode == "xa-a"));
        return JsonNode.Parse(card.CardJson)!["sections"]![0]!["criteria"]![0]!["reason"]!.GetValue<string>();
    }

    private static string ProseReason(string id, decimal points, decimal max) =>
        $"Lý do lưu theo định dạng cũ của tiêu chí {id} → {points.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{max.ToString(System.Globalization.CultureInfo.InvariantCulture)} điểm";

    private static string ToProse(string json)
    {
        var root = JsonNode.Parse(json)!;
        Rewrite(root);
        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) });
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject criterion && criterion.ContainsKey("explanation"))
                    {
                        array[i] = OldCriterion(criterion);
                    }
                    else
                    {
                        Rewrite(array[i]);
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList())
                {
                    Rewrite(child);
                }

                break;
        }
    }

    private static JsonObject OldCriterion(JsonObject criterion)
    {
        var id = criterion["id"]!.GetValue<string>();
        var points = criterion["points"]!.GetValue<decimal>();
        var max = criterion["maxPoints"]!.GetValue<decimal>();
        var values = new JsonArray();
        foreach (var value in criterion["explanation"]!["values"]!.AsArray())
        {
            var text = value!["date"]?.GetValue<string>()
                ?? (value["value"] is JsonValue number ? number.GetValue<decimal>().ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
            values.Add(new JsonObject { ["name"] = value["name"]!.GetValue<string>(), ["value"] = text });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["title"] = criterion["title"]!.GetValue<string>(),
            ["points"] = points,
            ["maxPoints"] = max,
            ["values"] = values,
            ["outcome"] = criterion["explanation"]!["outcome"]!.GetValue<string>(),
            ["reason"] = ProseReason(id, points, max),
        };
    }
}
