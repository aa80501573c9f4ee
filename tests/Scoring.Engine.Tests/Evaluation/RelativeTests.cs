using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Evaluation;

public sealed class RelativeTests
{
    private static readonly Model.CompiledRuleSet WithTarget = Single(
        new RelativeMethod("trained", "target"), 15m, Indicator("trained", IndicatorType.Count, "Số người được phổ cập"), Indicator("target", IndicatorType.Count));

    private static readonly Model.CompiledRuleSet WithoutTarget = Single(
        new RelativeMethod("trained", null), 10m, Indicator("trained", IndicatorType.Count, "Số người được phổ cập"));

    [Test]
    public void Dieu6_BelowAtLeaderAndAboveTarget()
    {
        var result = ScoreGroup(WithTarget,
            Unit("below", ("trained", 800), ("target", 1000)),
            Unit("at", ("trained", 1000), ("target", 1000)),
            Unit("above", ("trained", 1200), ("target", 1000)),
            Unit("leader", ("trained", 1500), ("target", 1000)));

        Assert.Multiple(() =>
        {
            // 0.5 × 15 × 0.8
            Assert.That(result.Criterion("below").Points, Is.EqualTo(6m));
            Assert.That(result.Criterion("below").Outcome, Is.EqualTo("relative:below"));
            Assert.That(result.Criterion("at").Points, Is.EqualTo(7.5m));
            Assert.That(result.Criterion("at").Outcome, Is.EqualTo("relative:at"));
            // 7.5 + 7.5 × (1.2 − 1) / (1.5 − 1)
            Assert.That(result.Criterion("above").Points, Is.EqualTo(10.5m));
            Assert.That(result.Criterion("above").Outcome, Is.EqualTo("relative:above"));
            Assert.That(result.Criterion("leader").Points, Is.EqualTo(15m));
            Assert.That(result.Criterion("leader").Outcome, Is.EqualTo("relative:leader"));
        });
    }

    [Test]
    public void LeaderIsByRatio_NotByAbsoluteValue()
    {
        var result = ScoreGroup(WithTarget,
            Unit("big", ("trained", 3000), ("target", 2500)),
            Unit("small", ("trained", 600), ("target", 400)));

        Assert.That(result.Criterion("small").Points, Is.EqualTo(15m));
        // 7.5 + 7.5 × 0.2 / 0.5 = 10.5
        Assert.That(result.Criterion("big").Points, Is.EqualTo(10.5m));
        Assert.That(result.Criterion("big").Explanation.LeaderRatio, Is.EqualTo(1.5m));
    }

    [Test]
    public void NobodyOverTarget_NoDivisionByZero()
    {
        var result = ScoreGroup(WithTarget,
            Unit("a", ("trained", 1000), ("target", 1000)),
            Unit("b", ("trained", 500), ("target", 1000)));

        Assert.That(result.Criterion("a").Points, Is.EqualTo(7.5m));
        Assert.That(result.Criterion("b").Points, Is.EqualTo(3.75m));
        Assert.That(result.Criterion("a").Explanation.LeaderRatio, Is.Null);
    }

    [Test]
    public void TwoUnitsShareTheLeaderRatio_BothGetMax()
    {
        var result = ScoreGroup(WithTarget,
            Unit("a", ("trained", 150), ("target", 100)),
            Unit("b", ("trained", 300), ("target", 200)));

        Assert.That(result.Criterion("a").Points, Is.EqualTo(15m));
        Assert.That(result.Criterion("b").Points, Is.EqualTo(15m));
    }

    [Test]
    public void UnitsWithoutTarget_AreScoredAgainstTheBestOfThatSubgroup()
    {
        var result = ScoreGroup(WithTarget,
            Unit("assigned", ("trained", 2000), ("target", 1000)),
            Unit("free1", ("trained", 400)),
            Unit("free2", ("trained", 800)),
            Unit("zeroTarget", ("trained", 200), ("target", 0)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Criterion("assigned").Points, Is.EqualTo(15m));
            Assert.That(result.Criterion("free2").Points, Is.EqualTo(15m));
            Assert.That(result.Criterion("free1").Points, Is.EqualTo(7.5m));
            Assert.That(result.Criterion("zeroTarget").Points, Is.EqualTo(3.75m));
            Assert.That(result.Criterion("free1").Outcome, Is.EqualTo("relative:no-target"));
            Assert.That(result.Criterion("free1").Reason, Does.StartWith("Chưa được giao chỉ tiêu"));
        });
    }

    [Test]
    public void WithoutTargetOperand_ProRataAgainstGroupBest()
    {
        var result = ScoreGroup(WithoutTarget,
            Unit("a", ("trained", 500)),
            Unit("b", ("trained", 2000)),
            Unit("c", ("trained", 0)));

        Assert.That(result.Criterion("a").Points, Is.EqualTo(2.5m));
        Assert.That(result.Criterion("b").Points, Is.EqualTo(10m));
        Assert.That(result.Criterion("b").Outcome, Is.EqualTo("relative:leader"));
        Assert.That(result.Criterion("c").Points, Is.Zero);
        Assert.That(result.Criterion("a").Reason, Is.EqualTo("Số người được phổ cập = 500 so với cao nhất cụm 2.000 → 2,5/10 điểm"));
    }

    [Test]
    public void AllZero_EveryoneGetsZero()
    {
        var result = ScoreGroup(WithoutTarget, Unit("a", ("trained", 0)), Unit("b", ("trained", 0)));

        Assert.That(result.Criterion("a").Points, Is.Zero);
        Assert.That(result.Criterion("b").Points, Is.Zero);
        Assert.That(result.Criterion("a").Reason, Does.Contain("không có giá trị dương"));
    }

    [Test]
    public void MissingValue_IsMissingAndDoesNotCountAsBest()
    {
        var result = ScoreGroup(WithoutTarget, Unit("a", ("trained", 100)), Unit("b"));

        Assert.That(result.Criterion("b").Outcome, Is.EqualTo("missing"));
        Assert.That(result.Criterion("a").Points, Is.EqualTo(10m));
    }

    [Test]
    public void GroupsAreScoredSeparately()
    {
        var units = new[] { Unit("a", ("trained", 100)), Unit("b", ("trained", 200)), Unit("c", ("trained", 50)) };
        var result = ScoringEngine.Score(Request(WithoutTarget, [Group("G1", "a", "b"), Group("G2", "c")], units));

        Assert.That(result.Criterion("a").Points, Is.EqualTo(5m));
        Assert.That(result.Criterion("c").Points, Is.EqualTo(10m));
    }

    // Near decimal's limit (≈ 7.9·10²⁸) the textbook order Max × value / best overflows although the answer is small:
    // the group pass must still score every unit, never throw.
    private const decimal Huge = 70_000_000_000_000_000_000_000_000_000m;

    [Test]
    public void HugeValueWithoutTarget_IsTheLeader_AndTheOthersScoreProRata()
    {
        var result = ScoreGroup(WithoutTarget, Unit("a", ("trained", Huge)), Unit("b", ("trained", Huge / 2)), Unit("c", ("trained", 1m)));

        Assert.That(result.Criterion("a").Points, Is.EqualTo(10m));
        Assert.That(result.Criterion("b").Points, Is.EqualTo(5m), "10 × ½, although 10 × value overflows");
        Assert.That(result.Criterion("c").Points, Is.EqualTo(0m));
    }

    [Test]
    public void HugeRatioOverTarget_AboveUnitsScoreAgainstTheLeader()
    {
        var result = ScoreGroup(WithTarget,
            Unit("leader", ("trained", Huge), ("target", 1m)),
            Unit("above", ("trained", Huge / 2), ("target", 1m)),
            Unit("below", ("trained", 500m), ("target", 1000m)));

        Assert.That(result.Criterion("leader").Points, Is.EqualTo(15m));
        // 7.5 + 7.5 × (3.5·10²⁸ − 1) / (7·10²⁸ − 1) rounds to 11.25
        Assert.That(result.Criterion("above").Points, Is.EqualTo(11.25m));
        Assert.That(result.Criterion("above").Outcome, Is.EqualTo("relative:above"));
        Assert.That(result.Criterion("below").Points, Is.EqualTo(3.75m));
    }

    [Test]
    public void RatioBeyondDecimal_IsThatUnitsExplainedError_NotACrashOfTheGroup()
    {
        var result = ScoreGroup(WithTarget,
            Unit("overflow", ("trained", Huge), ("target", 0.5m)),
            Unit("leader", ("trained", 1500m), ("target", 1000m)),
            Unit("above", ("trained", 1200m), ("target", 1000m)));

        Assert.That(result.Criterion("overflow").Outcome, Is.EqualTo("error"));
        Assert.That(result.Criterion("overflow").Points, Is.Zero);
        Assert.That(result.Criterion("overflow").Reason, Does.Contain("vượt quá giới hạn tính toán"));
        Assert.That(result.Criterion("leader").Points, Is.EqualTo(15m), "the failed unit does not take the lead");
        Assert.That(result.Criterion("above").Points, Is.EqualTo(10.5m));
    }
    // Issue 13: a dissolved unit is scored but never the benchmark ("leader") of a relative criterion.
    [Test]
    public void DissolvedUnit_IsNeverTheLeader_WithTarget()
    {
        var result = ScoreGroup(WithTarget,
            Dissolved("gone", ("trained", 2000), ("target", 1000)),
            Unit("leader", ("trained", 1500), ("target", 1000)),
            Unit("above", ("trained", 1200), ("target", 1000)));

        Assert.Multiple(() =>
        {
            // The benchmark is 150%, not the dissolved unit's 200%: 7.5 + 7.5 × 0.2 / 0.5.
            Assert.That(result.Criterion("leader").Points, Is.EqualTo(15m));
            Assert.That(result.Criterion("leader").Outcome, Is.EqualTo("relative:leader"));
            Assert.That(result.Criterion("above").Points, Is.EqualTo(10.5m));
            Assert.That(result.Criterion("above").Explanation.LeaderRatio, Is.EqualTo(1.5m));
            Assert.That(result.Criterion("gone").Points, Is.EqualTo(15m));
            Assert.That(result.Criterion("gone").Outcome, Is.EqualTo("relative:dissolved-top"));
            Assert.That(result.Criterion("gone").Reason, Does.Contain("đơn vị đã giải thể không được tính là đơn vị dẫn đầu"));
        });
    }

    [Test]
    public void DissolvedUnit_IsNeverTheLeader_ProRata()
    {
        var result = ScoreGroup(WithoutTarget,
            Dissolved("gone", ("trained", 4000)),
            Unit("best", ("trained", 2000)),
            Unit("half", ("trained", 1000)));

        Assert.Multiple(() =>
        {
            Assert.That(result.Criterion("best").Points, Is.EqualTo(10m));
            Assert.That(result.Criterion("best").Outcome, Is.EqualTo("relative:leader"));
            Assert.That(result.Criterion("half").Points, Is.EqualTo(5m));
            Assert.That(result.Criterion("gone").Points, Is.EqualTo(10m));
            Assert.That(result.Criterion("gone").Outcome, Is.EqualTo("relative:dissolved-top"));
        });
    }

    [Test]
    public void DissolvedUnit_BelowTheLeader_IsScoredAsBefore()
    {
        var result = ScoreGroup(WithTarget,
            Dissolved("gone", ("trained", 1200), ("target", 1000)),
            Unit("leader", ("trained", 1500), ("target", 1000)));

        Assert.That(result.Criterion("gone").Points, Is.EqualTo(10.5m));
        Assert.That(result.Criterion("gone").Outcome, Is.EqualTo("relative:above"));
    }
}
