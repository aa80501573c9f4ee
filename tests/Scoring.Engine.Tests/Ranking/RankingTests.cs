using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Ranking;

public sealed class RankingTests
{
    private static Model.CompiledRuleSet Rules(params TieBreaker[] tieBreakers) => Compile(RuleSet(
        [Indicator("a"), Indicator("b"), Indicator("minus", IndicatorType.Count), Indicator("dti")],
        [Section("I", 50m, Criterion("I.1", 50m, new ExpressionMethod("a"))), Section("II", 50m, Criterion("II.1", 50m, new ExpressionMethod("b")))],
        penalty: new Adjustment(10m, [Criterion("P.1", 10m, new CountMethod("minus", 1m))], "$.penalty"),
        tieBreakers: tieBreakers));

    private static string Order(Results.ScoringResult result) =>
        string.Join(" ", result.Groups.Single().Ranking.Select(u => $"{u.Code}:{u.Rank}{(u.Tied ? "=" : "")}"));

    [Test]
    public void TotalDescending_RemainingTiesShareRankInCodeOrder()
    {
        var result = ScoreGroup(Rules(),
            Unit("z", ("a", 40), ("b", 40)), Unit("m", ("a", 45), ("b", 45)), Unit("c", ("a", 50), ("b", 30)), Unit("a", ("a", 10), ("b", 10)));

        // z and c both have 80: shared rank 2, listed by code; the next is 4th.
        Assert.That(Order(result), Is.EqualTo("m:1 c:2= z:2= a:4"));
    }

    [Test]
    public void SectionTieBreaker_DecidesBetweenEqualTotals()
    {
        var result = ScoreGroup(Rules(TieBreak(TieBreakerKind.Section, "II")),
            Unit("x", ("a", 50), ("b", 30)), Unit("y", ("a", 30), ("b", 50)));

        Assert.That(Order(result), Is.EqualTo("y:1 x:2"));
    }

    [Test]
    public void TieBreakersApplyInOrder_AscendingPenalty()
    {
        var result = ScoreGroup(Rules(TieBreak(TieBreakerKind.Criterion, "I.1"), TieBreak(TieBreakerKind.Penalty, null, descending: false)),
            Unit("p", ("a", 42), ("b", 40), ("minus", 2)),
            Unit("q", ("a", 41), ("b", 40), ("minus", 1)),
            Unit("r", ("a", 41), ("b", 40), ("minus", 1)),
            Unit("s", ("a", 42), ("b", 41), ("minus", 3)));

        // All total 80. I.1: p and s 42 > q and r 41. Then penalty ascending: p (2) before s (3); q and r stay tied.
        Assert.That(Order(result), Is.EqualTo("p:1 s:2 q:3= r:3="));
    }

    [Test]
    public void IndicatorTieBreaker_MissingValueGoesLast()
    {
        var result = ScoreGroup(Rules(TieBreak(TieBreakerKind.Indicator, "dti")),
            Unit("n", ("a", 40), ("b", 40)), Unit("h", ("a", 40), ("b", 40), ("dti", 0.5)), Unit("l", ("a", 40), ("b", 40), ("dti", 0.7)));

        Assert.That(Order(result), Is.EqualTo("l:1 h:2 n:3"));
    }

    [Test]
    public void GroupsAreOrderedByCode_AndMissingMembersAreNoted()
    {
        var units = new[] { Unit("u1", ("a", 1), ("b", 1)), Unit("u2", ("a", 2), ("b", 2)) };

        var result = ScoringEngine.Score(Request(Rules(), [Group("B", "u2", "ghost"), Group("A", "u1")], units));

        Assert.That(result.Groups.Select(g => g.Code), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(result.Groups[1].Ranking.Select(u => u.Code), Is.EqualTo(new[] { "u2" }));
        Assert.That(result.Notes, Has.Some.Contains("ghost"));
    }

    [Test]
    public void UnitsOfAnotherKind_AreNotScored()
    {
        var units = new[] { Unit("u1", ("a", 1), ("b", 1)), Unit("d1", ("a", 2), ("b", 2)) with { Kind = "department" } };

        var result = ScoringEngine.Score(Request(Rules(), [Group("G", "u1", "d1")], units));

        Assert.That(result.Groups.Single().Ranking.Select(u => u.Code), Is.EqualTo(new[] { "u1" }));
        Assert.That(result.Notes, Has.Some.Contains("d1").And.Some.Contains("department"));
    }

    [Test]
    public void DuplicateUnitCode_IsRejectedClearly()
    {
        var request = Request(Rules(), [Group("G", "u1")], [Unit("u1"), Unit("u1")]);

        Assert.That(() => ScoringEngine.Score(request), Throws.ArgumentException.With.Message.Contains("u1"));
    }
}
