using System.Globalization;
using Newtonsoft.Json.Linq;
using Scoring.Catalog.Tests.Samples;

namespace Scoring.Catalog.Tests.Golden;

/// <summary>
/// The 2025–2027 phase review (sơ kết) of one group per tenant, worked out by hand in docs/golden/phase-2025-2027.md
/// (every mean, count, rank and award decision), through the command line a secretariat would use:
/// `review --rules rules-catalog/&lt;tenant&gt; --data samples/&lt;tenant&gt; --phase 2025-2027 --format json`.
/// The service's review run must give the same rankings and proposals (the same cases are in <see cref="GoldenPhaseCases"/>).
/// </summary>
[TestFixture]
public sealed class GoldenPhaseReviewTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        GoldenPhaseCases.All().Select(c => new TestCaseData(c).SetName($"Review_verb_{c.Tenant}_{c.Group}_2025_2027"));

    [TestCaseSource(nameof(Cases))]
    public async Task Review_verb_gives_the_hand_worked_phase_ranking_and_awards(object golden)
    {
        var expected = (GoldenPhaseCase)golden;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await CommandLine.RunAsync(
        [
            "review", "--rules", SamplePaths.Rules(expected.Tenant), "--data", SamplePaths.Data(expected.Tenant),
            "--phase", "2025-2027", "--format", "json",
        ], output, error);

        Assert.That(exit, Is.Zero, error.ToString());
        var token = JToken.Parse(output.ToString());
        var reviews = token is JArray array ? array.Children<JObject>().ToList() : [(JObject)token];
        var review = reviews.Single(r => (string?)r["ruleSet"]!["id"] == expected.RuleSet);
        Assert.That((string?)review["ruleSet"]!["version"], Is.EqualTo(expected.Version), "the rule set in force in the review year");
        var group = review["groups"]!.Single(g => (string?)g["code"] == expected.Group);
        var actual = group["ranking"]!.Select(u => new GoldenPhaseUnit(
            (string)u["code"]!,
            (int?)u["rank"],
            (decimal)u["measures"]!.Single(m => (string?)m["id"] == "meanTotal")!["value"]!,
            (int)(decimal)u["measures"]!.Single(m => (string?)m["id"] == "yearsExcellent")!["value"]!,
            (int)(decimal)u["measures"]!.Single(m => (string?)m["id"] == "initiatives")!["value"]!,
            (string?)u["grade"],
            (string?)u["award"])).ToList();
        Assert.That(actual, Is.EqualTo(expected.Ranking));

        var proposals = review["awards"]!.Where(a => (string?)a["group"] == expected.Group)
            .Select(a => $"{(string)a["award"]!}:{(string)a["unitCode"]!}").ToList();
        Assert.That(proposals, Is.EqualTo(expected.Ranking.Where(u => u.Award is not null).Select(u => $"{u.Award}:{u.Code}")));
    }
}
