using Scoring.Catalog.Tests.Samples;
using Scoring.Engine.Results;

namespace Scoring.Catalog.Tests.Golden;

/// <summary>
/// Scores each tenant's samples with the catalog's rule sets through the command line's pipeline and checks one
/// hand-checked group per tenant (docs/golden/*.md): ranking, totals, grades, award proposals and telling criteria.
/// </summary>
[TestFixture]
public sealed class GoldenResultsTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        GoldenCases.All().Select(c => new TestCaseData(c).SetName($"Golden_{c.Tenant}_{c.Group}_{c.Year}"));

    [TestCaseSource(nameof(Cases))]
    public void Group_ranking_totals_grades_and_awards_match_the_hand_computation(object golden)
    {
        var expected = (GoldenCase)golden;
        var (run, group) = Score(expected);

        var actual = group.Ranking.Select(u => new GoldenUnit(u.Code, u.Rank, u.Total, u.Grade, u.Award)).ToList();
        Assert.That(actual, Is.EqualTo(expected.Ranking), "rank, total, grade and award of every member, in rank order");

        var proposals = run.Result.Awards.Where(a => a.Group == expected.Group).Select(a => (a.UnitCode, a.Award)).ToList();
        var expectedProposals = expected.Ranking.Where(u => u.Award is not null).Select(u => (u.Code, u.Award!)).ToList();
        Assert.That(proposals, Is.EquivalentTo(expectedProposals), "award proposals of the group");
    }

    [TestCaseSource(nameof(Cases))]
    public void Telling_criteria_match_the_hand_computation(object golden)
    {
        var expected = (GoldenCase)golden;
        var (_, group) = Score(expected);

        Assert.Multiple(() =>
        {
            foreach (var criterion in expected.Criteria)
            {
                var unit = group.Ranking.Single(u => u.Code == criterion.Unit);
                Assert.That(Points(unit, criterion.Criterion), Is.EqualTo(criterion.Points),
                    $"{criterion.Unit} {criterion.Criterion}: {criterion.Why}");
            }
        });
    }

    [Test]
    public void Every_tenant_and_year_scores_without_problems()
    {
        foreach (var tenant in new[] { "gia-lai", "lai-chau", "son-la", "ia-bang" })
        {
            var loaded = SampleLoader.Load(tenant);
            foreach (var year in new[] { 2025, 2026 })
            {
                var run = new ScoringPipeline().Run(loaded.RuleSets, loaded.Dataset.Input, year);
                var scored = run.Units.Select(u => u.Unit.Code).ToList();
                var members = loaded.Dataset.Years[year].Groups.SelectMany(g => g.Members).Select(m => m.Unit).ToList();

                Assert.Multiple(() =>
                {
                    Assert.That(run.Problems, Is.Empty, $"{tenant} {year}");
                    Assert.That(scored, Is.EquivalentTo(members), $"{tenant} {year}: every member is scored once");
                });
            }
        }
    }

    private static (RuleSetRun Run, GroupResult Group) Score(GoldenCase expected)
    {
        var loaded = SampleLoader.Load(expected.Tenant);
        var pipeline = new ScoringPipeline().Run(loaded.RuleSets, loaded.Dataset.Input, expected.Year);
        Assert.That(pipeline.Problems, Is.Empty, "pipeline problems");

        var run = pipeline.Runs.Single(r => r.Document.RuleSet.Id == expected.RuleSetId);
        var group = run.Result.Groups.Single(g => g.Code == expected.Group);
        return (run, group);
    }

    private static decimal Points(UnitScore unit, string criterion) => criterion switch
    {
        "bonus" => unit.Bonus,
        "penalty" => unit.Penalty,
        _ => unit.Sections.SelectMany(s => s.Criteria)
            .Concat(unit.BonusCriteria)
            .Concat(unit.PenaltyCriteria)
            .Single(c => c.Id == criterion).Points,
    };
}
