using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Runs;

/// <summary>
/// A value imported from an authority keeps its provenance: the run's frozen inputs name the batch (source, number, file,
/// hash, who, when), the unit's card says where the value came from, and the stored run still re-creates its result.
/// Real engine, real SQLite.
/// </summary>
public sealed class ImportProvenanceTests
{
    [Test]
    public async Task AfterADtiImport_TheCardNamesTheBatchOfThatIndicator()
    {
        using var host = new ScoringHostFactory();
        await TestData.SeedAsync(host);
        using var maintainer = host.ClientFor(Roles.RuleMaintainer, TestData.Tenant);
        await TestData.Ensure(await maintainer.PostAsync("/api/tenants/son-la/imports/dti/2025", TestData.Csv("unit,dti\nxa-a,0.75\n", "dti-2025.csv")));
        var batch = await host.WithDbAsync(db => db.ImportBatches.SingleAsync());

        var created = (await (await maintainer.PostAsJsonAsync("/api/tenants/son-la/runs", new RunRequest(2025, TestData.RuleSetId, null, null))).Content.ReadFromJsonAsync<RunDto>())!;
        var run = await TestData.WaitForRunAsync(maintainer, created.Id);
        Assert.That(run.Status, Is.EqualTo("completed"), run.Error);

        var label = $"nhập liệu DTI #{batch.Id} (tệp dti-2025.csv, SHA-256 {batch.Sha256[..12]}, ";
        var card = await maintainer.GetFromJsonAsync<JsonElement>($"/api/runs/{run.Id}/units/xa-a");
        var notes = card.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.That(notes, Has.One.StartsWith("Giá trị dti lấy từ " + label));
        var other = await maintainer.GetFromJsonAsync<JsonElement>($"/api/runs/{run.Id}/units/xa-b");
        Assert.That(other.GetProperty("notes").EnumerateArray().Select(n => n.GetString()), Has.None.Contains("nhập liệu"), "xa-b has no imported value");

        var stored = await host.WithDbAsync(db => db.ScoringRuns.SingleAsync(r => r.Id == run.Id));
        var frozen = RunJson.Deserialize<RunInputs>(stored.InputsJson).Units.Single(u => u.Code == "xa-a");
        Assert.That(frozen.Sources?["dti"], Does.StartWith(label), "the batch is frozen with the value");
        Assert.That(stored.InputsSha256, Is.EqualTo(ContentHash.Of(stored.InputsJson)), "and covered by the inputs hash");
        Assert.That((await maintainer.GetAsync($"/api/runs/{run.Id}/export.xlsx")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the stored run still re-creates its result");
    }
}
