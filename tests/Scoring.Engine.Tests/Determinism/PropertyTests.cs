using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Determinism;

public sealed class PropertyTests
{
    /// <summary>Bounds every card must respect, whatever the values.</summary>
    internal static void AssertBounds(RuleSet rules, ScoringResult result, int expectedUnits)
    {
        var cards = result.Groups.SelectMany(g => g.Ranking).ToList();
        Assert.That(cards, Has.Count.EqualTo(expectedUnits));
        foreach (var card in cards)
        {
            Assert.That(card.Total, Is.InRange(rules.Total.Min, rules.Total.Max), card.Code);
            Assert.That(card.Bonus, Is.InRange(0m, rules.Bonus.Cap), card.Code);
            Assert.That(card.Penalty, Is.InRange(0m, rules.Penalty.Cap), card.Code);
            Assert.That(card.Total, Is.EqualTo(Math.Clamp(card.BasePoints + card.Bonus - card.Penalty, rules.Total.Min, rules.Total.Max)), card.Code);
            Assert.That(card.BasePoints, Is.EqualTo(card.Sections.Sum(s => s.Points)), card.Code);
            foreach (var section in card.Sections)
            {
                Assert.That(section.Points, Is.InRange(0m, section.MaxPoints), $"{card.Code} {section.Id}");
                foreach (var criterion in section.Criteria)
                {
                    Assert.That(criterion.Points, Is.InRange(0m, criterion.MaxPoints), $"{card.Code} {criterion.Id}: {criterion.Reason}");
                    Assert.That(criterion.Points, Is.EqualTo(Math.Round(criterion.Points, rules.Precision)), $"{card.Code} {criterion.Id}");
                    Assert.That(criterion.Reason, Is.Not.Empty);
                }
            }
            foreach (var criterion in card.BonusCriteria.Concat(card.PenaltyCriteria))
            {
                Assert.That(criterion.Points, Is.InRange(0m, criterion.MaxPoints), $"{card.Code} {criterion.Id}");
            }
            Assert.That(card.Grade, Is.Not.Empty);
        }
        foreach (var group in result.Groups)
        {
            for (var i = 1; i < group.Ranking.Length; i++)
            {
                Assert.That(group.Ranking[i].Total, Is.LessThanOrEqualTo(group.Ranking[i - 1].Total));
                Assert.That(group.Ranking[i].Rank, Is.GreaterThanOrEqualTo(group.Ranking[i - 1].Rank));
            }
        }
        foreach (var proposal in result.Awards)
        {
            Assert.That(cards.Single(c => c.Code == proposal.UnitCode).Award, Is.EqualTo(proposal.Award));
        }
        Assert.That(result.Awards.Select(a => a.UnitCode).Distinct().Count(), Is.EqualTo(result.Awards.Length), "one award per unit");
        foreach (var award in rules.Awards)
        {
            var firm = result.Awards.Where(a => a.Award == award.Id && !a.TieAtCut).ToList();
            if (award.Quota.PerGroup is { } perGroup)
            {
                Assert.That(firm.GroupBy(a => a.Group).Select(g => g.Count()), Has.All.LessThanOrEqualTo(perGroup), award.Id);
            }
            if (award.Quota.PerTenant is { } perTenant)
            {
                Assert.That(firm, Has.Count.LessThanOrEqualTo(perTenant), award.Id);
            }
            foreach (var proposal in result.Awards.Where(a => a.Award == award.Id))
            {
                var card = cards.First(c => c.Code == proposal.UnitCode);
                Assert.That(award.MinTotal is not { } min || card.Total >= min, Is.True, $"{award.Id} {card.Code} total");
                Assert.That(award.Grades.IsDefaultOrEmpty || award.Grades.Contains(card.Grade), Is.True, $"{award.Id} {card.Code} grade");
                Assert.That(award.MaxRank is not { } maxRank || proposal.Rank <= maxRank, Is.True, $"{award.Id} {card.Code} rank");
            }
        }
    }

    [Test]
    public void ThousandRandomUnits_StayWithinEveryBound()
    {
        var rules = ExampleRuleSet.Simple();
        var (groups, units, history) = RandomUnits.Generate(seed: 20251110, count: 1000, groupSize: 25);

        var result = ScoringEngine.Score(new ScoringRequest(Compile(rules), 2025, groups, units, history));

        AssertBounds(rules, result, 1000);
        Assert.That(result.Awards.Select(a => a.Award).Distinct().Count(), Is.GreaterThan(1), "awards are exercised");
        var dissolved = units.Where(u => u.Dissolved).Select(u => u.Code).ToHashSet();
        Assert.That(result.Awards.Select(a => a.UnitCode), Has.None.AnyOf(dissolved.Cast<object>().ToArray()));
    }
}
