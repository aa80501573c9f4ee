using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Engine.Results;
using Scoring.Host.Tests.Accounts;
using Scoring.Host.Tests.Cli;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Workbench;

/// <summary>
/// The simulator on the host's samples: Sơn La's samples folder scored with the published catalog version and with a
/// changed draft gives, unit by unit, the totals, ranks and awards that the command line's <c>score</c> gives on the same
/// folder with the same rule sets; nothing is stored. Without a samples folder the choice is not offered.
/// </summary>
[TestFixture]
public sealed partial class WorkbenchSamplesSimulatorTests
{
    private const string Tenant = "son-la";
    internal const string RuleSetId = "son-la.dmst-cds.ubnd-xa-phuong";
    private const string Year = "2026";
    private static readonly string PublishedFile = Path.Combine(TestPaths.RepoRoot, "rules-catalog", "son-la", "dmst-cds-2025-2030", "ubnd-xa-phuong.v1.1.0.rules.json");
    internal static readonly string SamplesRoot = Path.Combine(TestPaths.RepoRoot, "samples");
    private string password = "";
    private string draftJson = "";
    private ScoringHostFactory host = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory(settings: new Dictionary<string, string?> { ["Seed:SamplesDirectory"] = SamplesRoot });
        (password, draftJson) = await SeedAsync(host);
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    internal static Actor Maintainer => new("canbo.son-la", Roles.RuleMaintainer, Tenant, null, new HashSet<string>());

    [Test]
    public async Task TheSamples_ScoreAsTheCommandLineScoresThem_WithBothVersions_AndNothingIsStored()
    {
        using var session = await SignedInAsync(host, password);
        var before = await StateAsync(host);
        var (status, html, _) = await session.GetAsync(WorkbenchPaths.Simulator(RuleSetId, "1.2.0") + $"?nguon=mau&nam={Year}&so-voi=1.1.0");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("id=\"nguon-mau\""));
        Assert.That(html, Does.Not.Contain("id=\"loi\""), html[..Math.Min(html.Length, 4000)]);
        var page = SimulatedRows(html);

        using var folder = new TempFolder();
        var draftFile = Path.Combine(folder.Path, "ubnd-xa-phuong.v1.2.0.rules.json");
        await File.WriteAllTextAsync(draftFile, draftJson);
        var published = CommandLineTotals(PublishedFile);
        var draft = CommandLineTotals(draftFile);

        Assert.That(published, Is.Not.Empty);
        Assert.That(page.Keys, Is.EquivalentTo(published.Keys.Union(draft.Keys)), "the same units");
        foreach (var (unit, row) in page)
        {
            Assert.That((row.TotalFrom, row.RankFrom), Is.EqualTo(published.TryGetValue(unit, out var p) ? (p.Total, p.Rank) : ((decimal?)null, (int?)null)), $"{unit} with 1.1.0");
            Assert.That((row.TotalTo, row.RankTo), Is.EqualTo(draft.TryGetValue(unit, out var d) ? (d.Total, d.Rank) : ((decimal?)null, (int?)null)), $"{unit} with the draft");
        }

        Assert.That(page.Values.Count(r => r.TotalFrom != r.TotalTo), Is.GreaterThan(0), "the draft's change shows in some totals");
        Assert.That(await StateAsync(host), Is.EqualTo(before), "no run, result, draft or audit entry written");
    }

    [Test]
    public async Task AYearTheSamplesLack_IsRefusedWithTheYearsTheyHave()
    {
        using var session = await SignedInAsync(host, password);
        var (status, html, _) = await session.GetAsync(WorkbenchPaths.Simulator(RuleSetId, "1.2.0") + "?nguon=mau&nam=2031");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(WebUtility.HtmlDecode(html), Does.Contain("Dữ liệu mẫu của 'son-la' không có cụm/khối năm 2031"));
        Assert.That(html, Does.Not.Contain("ket-qua-cham-thu"));
    }

    [Test]
    public async Task WithoutASamplesFolder_TheChoiceIsNotOffered_AndSaysSo()
    {
        using var bare = new ScoringHostFactory(settings: new Dictionary<string, string?> { ["Seed:SamplesDirectory"] = Path.Combine(SamplesRoot, "khong-co") });
        var (secret, _) = await SeedAsync(bare);
        using var session = await SignedInAsync(bare, secret);
        var (status, html, _) = await session.GetAsync(WorkbenchPaths.Simulator(RuleSetId, "1.2.0"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Not.Contain("id=\"nguon-mau\""));
        Assert.That(WebUtility.HtmlDecode(html), Does.Contain("Máy chủ này chạy không có thư mục dữ liệu mẫu (samples)"));

        (status, html, _) = await session.GetAsync(WorkbenchPaths.Simulator(RuleSetId, "1.2.0") + $"?nguon=mau&nam={Year}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("id=\"loi\""));
        Assert.That(html, Does.Not.Contain("ket-qua-cham-thu"));
    }

    /// <summary>
    /// A tenant with no stored units or groups, the catalog's 1.1.0 published and a draft 1.2.0 from it that doubles the
    /// deduction per week late of criterion I.1 (the plan's deadline: late units lose more); the maintainer's password and the draft.
    /// </summary>
    internal static async Task<(string Password, string DraftJson)> SeedAsync(ScoringHostFactory target)
    {
        using (var admin = target.ClientFor(Roles.Administrator))
        {
            await TestData.Ensure(await admin.PutAsJsonAsync($"/api/tenants/{Tenant}",
                new TenantDto(Tenant, "Tỉnh Sơn La", [new MovementDto("dmst-cds-2025-2030", "Sơn La thi đua đổi mới sáng tạo và chuyển đổi số", "QĐ 1470/QĐ-UBND", "11-10")])));
        }

        using (var maintainer = target.ClientFor(Roles.RuleMaintainer, Tenant))
        {
            await TestData.Ensure(await maintainer.PostAsync("/api/rule-sets", new StringContent(await File.ReadAllTextAsync(PublishedFile), Encoding.UTF8, "application/json")));
        }

        await using var scope = target.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync("test",
            new NewAccount("canbo.son-la", "canbo.son-la", new AccountScope(Roles.RuleMaintainer, Tenant, null, []), null, false), CancellationToken.None);
        Assert.That(created.Errors, Is.Empty);
        var drafts = scope.ServiceProvider.GetRequiredService<RuleSetDrafts>();
        var draft = await drafts.CreateFromAsync(RuleSetId, "1.1.0", "1.2.0", Maintainer, CancellationToken.None);
        Assert.That(draft.Problem, Is.Null);
        var json = JsonNode.Parse(draft.Draft!.Json)!;
        json["sections"]![0]!["criteria"]![0]!["deduct"] = 2;
        var saved = await drafts.SaveAsync(RuleSetId, "1.2.0", json.ToJsonString(), draft.Draft.Revision, Maintainer, CancellationToken.None);
        Assert.That(saved.Problem, Is.Null);
        return (created.Password!, json.ToJsonString());
    }

    private static async Task<FormSession> SignedInAsync(ScoringHostFactory target, string secret)
    {
        var session = new FormSession(target);
        var (status, _, location) = await session.SignInAsync("canbo.son-la", secret);
        Assert.That((status, location), Is.EqualTo((HttpStatusCode.Redirect, "/lam-viec")));
        return session;
    }

    /// <summary>
    /// `score --rules &lt;folder&gt; --data samples/son-la --year … --format json` through the command line itself, the folder
    /// holding the catalog's other Sơn La rule sets (every kind of unit in the samples needs one), the indicator vocabulary
    /// and <paramref name="ruleSet"/> as the only version of the rule set simulated: each of its units' total and rank.
    /// </summary>
    private static Dictionary<string, (decimal Total, int Rank)> CommandLineTotals(string ruleSet)
    {
        using var rules = new TempFolder();
        var catalog = Path.GetDirectoryName(PublishedFile)!;
        foreach (var file in Directory.GetFiles(catalog, "*.rules.json").Where(f => !Path.GetFileName(f).StartsWith("ubnd-xa-phuong", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(rules.Path, Path.GetFileName(file)));
        }

        File.Copy(ruleSet, Path.Combine(rules.Path, Path.GetFileName(ruleSet)));
        File.Copy(TestPaths.IndicatorsCsv, Path.Combine(rules.Path, "indicators.csv"));
        var run = CliRunner.Run("score", "--rules", rules.Path, "--data", Path.Combine(SamplesRoot, Tenant), "--year", Year, "--format", "json");
        Assert.That(run.Exit, Is.EqualTo(0), run.Err);
        var result = JsonNode.Parse(run.Out)!.AsArray().Select(r => ResultJson.Read(r!.ToJsonString())).Single(r => r.RuleSet.Id == RuleSetId);
        return result.Groups.SelectMany(g => g.Ranking).ToDictionary(u => u.Code, u => (u.Total, u.Rank), StringComparer.Ordinal);
    }

    private static Dictionary<string, (decimal? TotalFrom, int? RankFrom, decimal? TotalTo, int? RankTo)> SimulatedRows(string html) =>
        RowTag().Matches(html).ToDictionary(m => m.Groups["unit"].Value, m => (
            Decimal(m.Groups["totalFrom"].Value), Int(m.Groups["rankFrom"].Value), Decimal(m.Groups["totalTo"].Value), Int(m.Groups["rankTo"].Value)), StringComparer.Ordinal);

    private static decimal? Decimal(string text) => text.Length == 0 ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    private static int? Int(string text) => text.Length == 0 ? null : int.Parse(text, CultureInfo.InvariantCulture);

    private static Task<string> StateAsync(ScoringHostFactory target) => target.WithDbAsync(async db => string.Join(" | ",
        await db.ScoringRuns.CountAsync(), await db.RuleSetDrafts.Select(d => d.Revision).SumAsync(), await db.RuleSetVersions.CountAsync(),
        await db.AuditLog.CountAsync(), await db.Units.CountAsync(), await db.Groups.CountAsync()));

    [GeneratedRegex("<tr data-unit=\"(?<unit>[^\"]+)\" data-rank-from=\"(?<rankFrom>[^\"]*)\" data-rank-to=\"(?<rankTo>[^\"]*)\" data-total-from=\"(?<totalFrom>[^\"]*)\" data-total-to=\"(?<totalTo>[^\"]*)\"")]
    private static partial Regex RowTag();
}
