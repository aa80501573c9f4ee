using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Evaluation;

public sealed class TargetTests
{
    private static readonly Model.CompiledRuleSet Constant = Single(
        new TargetMethod("rate", "80", false), 15m, Indicator("rate", IndicatorType.Percent, "Tỷ lệ TTHC trực tuyến"));

    [TestCase(40, 7.5)]
    [TestCase(80, 15)]
    [TestCase(95, 15)]
    [TestCase(0, 0)]
    [TestCase(-5, 0)]
    [TestCase(17, 3.19)]
    public void PointsAreValueOverTargetCappedAtMax(int rate, double expected)
    {
        Assert.That(ScoreOne(Constant, ("rate", rate)).Points, Is.EqualTo((decimal)expected));
    }

    [Test]
    public void Reason_ShowsValueTargetAndRatio()
    {
        var score = ScoreOne(Constant, ("rate", 40));

        Assert.That(score.Reason, Is.EqualTo("Tỷ lệ TTHC trực tuyến = 40% so với chỉ tiêu 80%: đạt 50% → 7,5/15 điểm"));
        Assert.That(score.Outcome, Is.EqualTo("target"));
        Assert.That(score.Values.Select(v => (v.Name, v.Value)), Is.EqualTo(new[] { ("rate", (decimal?)40m) }));
        Assert.That((score.Explanation.Value, score.Explanation.Target, score.Explanation.Ratio), Is.EqualTo(((decimal?)40m, (decimal?)80m, (decimal?)0.5m)));
    }

    [Test]
    public void PerUnitTarget_MissingOrZero_IsNoTarget()
    {
        var rules = Single(new TargetMethod("done", "assigned", false), 10m, Indicator("done"), Indicator("assigned"));

        var missing = ScoreOne(rules, ("done", 50));
        var zero = ScoreOne(rules, ("done", 50), ("assigned", 0));
        var normal = ScoreOne(rules, ("done", 50), ("assigned", 200));

        Assert.That(missing.Outcome, Is.EqualTo("no-target"));
        Assert.That(missing.Points, Is.Zero);
        Assert.That(missing.Reason, Does.Contain("chưa được giao chỉ tiêu"));
        Assert.That(zero.Outcome, Is.EqualTo("no-target"));
        Assert.That(zero.Points, Is.Zero);
        Assert.That(normal.Points, Is.EqualTo(2.5m));
    }

    [TestCase(2, 10)]
    [TestCase(4, 5)]
    [TestCase(1, 10)]
    [TestCase(0, 10)]
    public void LowerIsBetter_UsesTargetOverValue(int incidents, int expected)
    {
        var rules = Single(new TargetMethod("days", "2", true), 10m, Indicator("days"));

        Assert.That(ScoreOne(rules, ("days", incidents)).Points, Is.EqualTo((decimal)expected));
    }

    [Test]
    public void MissingValue_IsMissing()
    {
        Assert.That(ScoreOne(Constant).Outcome, Is.EqualTo("missing"));
    }
}
