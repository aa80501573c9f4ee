using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Evaluation;

public sealed class RankTests
{
    private static Model.CompiledRuleSet Rules(bool descending = true) => Single(
        new RankMethod("pas", descending, [10m, 8m, 6m], 4m), 10m, Indicator("pas", title: "Điểm 766"));

    [Test]
    public void PointsByPosition_TiesShareTheSamePosition()
    {
        var result = ScoreGroup(Rules(),
            Unit("a", ("pas", 90)), Unit("b", ("pas", 80)), Unit("c", ("pas", 80)), Unit("d", ("pas", 70)), Unit("e", ("pas", 60)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Criterion("a").Points, Is.EqualTo(10m));
            Assert.That(result.Criterion("b").Points, Is.EqualTo(8m));
            Assert.That(result.Criterion("c").Points, Is.EqualTo(8m));
            Assert.That(result.Criterion("c").Outcome, Is.EqualTo("rank:2"));
            // Standard competition ranking: after two seconds comes the fourth.
            Assert.That(result.Criterion("d").Outcome, Is.EqualTo("rank:4"));
            Assert.That(result.Criterion("d").Points, Is.EqualTo(4m));
            Assert.That(result.Criterion("e").Points, Is.EqualTo(4m));
            Assert.That(result.Criterion("b").Reason, Is.EqualTo("Điểm 766 = 80, xếp thứ 2/5 trong cụm (đồng hạng) → 8/10 điểm"));
        });
    }

    [Test]
    public void Ascending_LowestIsFirst()
    {
        var result = ScoreGroup(Rules(descending: false), Unit("a", ("pas", 1)), Unit("b", ("pas", 5)));

        Assert.That(result.Criterion("a").Points, Is.EqualTo(10m));
        Assert.That(result.Criterion("b").Points, Is.EqualTo(8m));
    }

    [Test]
    public void MissingValue_RanksLastWithZero()
    {
        var result = ScoreGroup(Rules(), Unit("a", ("pas", 10)), Unit("b"));

        Assert.That(result.Criterion("b").Points, Is.Zero);
        Assert.That(result.Criterion("b").Outcome, Is.EqualTo("missing"));
        Assert.That(result.Criterion("a").Outcome, Is.EqualTo("rank:1"));
    }

    [Test]
    public void ReasonNamesTheGroupKind()
    {
        var units = new[] { Unit("a", ("pas", 10)), Unit("b", ("pas", 5)) };

        var result = ScoringEngine.Score(Request(Rules(), [new Model.GroupRecord("K1", "Khối sở", "bloc", ["a", "b"])], units));

        Assert.That(result.Criterion("b").Reason, Does.Contain("xếp thứ 2/2 trong khối"));
    }

    // Issue 13: a dissolved unit is scored, but only the units still in existence take positions.
    [Test]
    public void DissolvedUnit_NeverPushesTheOthersDown()
    {
        var result = ScoreGroup(Rules(),
            Unit("first", ("pas", 9)),
            Dissolved("gone", ("pas", 8)),
            Unit("second", ("pas", 7)),
            Unit("third", ("pas", 6)),
            Dissolved("best-gone", ("pas", 12)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Criterion("first").Outcome, Is.EqualTo("rank:1"), "the dissolved 12 takes no place");
            Assert.That(result.Criterion("first").Points, Is.EqualTo(10m));
            Assert.That(result.Criterion("second").Outcome, Is.EqualTo("rank:2"), "the dissolved 8 takes no place");
            Assert.That(result.Criterion("second").Points, Is.EqualTo(8m));
            Assert.That(result.Criterion("third").Outcome, Is.EqualTo("rank:3"));
            Assert.That(result.Criterion("third").Points, Is.EqualTo(6m));
            Assert.That(result.Criterion("gone").Outcome, Is.EqualTo("rank:2"), "the place its value has among the others");
            Assert.That(result.Criterion("gone").Points, Is.EqualTo(8m));
            Assert.That(result.Criterion("best-gone").Outcome, Is.EqualTo("rank:1"));
            Assert.That(result.Criterion("second").Reason, Does.Contain("xếp thứ 2/3"), "three units take positions");
        });
    }

    [Test]
    public void DissolvedUnit_EqualToAnother_SharesItsPositionWithoutTakingOne()
    {
        var result = ScoreGroup(Rules(), Unit("a", ("pas", 9)), Dissolved("gone", ("pas", 9)), Unit("b", ("pas", 5)));

        Assert.That(result.Criterion("a").Explanation.Tied, Is.False, "a shares its position with no unit that takes one");
        Assert.That(result.Criterion("gone").Explanation.Tied, Is.True);
        Assert.That(result.Criterion("b").Outcome, Is.EqualTo("rank:2"));
    }
}
