using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Evaluation;

public sealed class BandsTests
{
    private static readonly Model.CompiledRuleSet Rules = Single(
        new BandsMethod("dti", [
            Band(20m, atLeast: 0.8m, label: "Từ 0,8 trở lên"),
            Band(14m, atLeast: 0.65m, below: 0.8m),
            Band(8m, above: 0.5m, below: 0.65m),
            Band(0m, label: "Còn lại"),
        ]),
        20m,
        Indicator("dti", title: "Chỉ số DTI"));

    [TestCase(0.812, 20, "band:1")]
    [TestCase(0.8, 20, "band:1")]
    [TestCase(0.7999, 14, "band:2")]
    [TestCase(0.65, 14, "band:2")]
    [TestCase(0.5, 0, "band:4")]
    [TestCase(0.5001, 8, "band:3")]
    [TestCase(0, 0, "band:4")]
    public void Value_FallsIntoTheFirstMatchingBand(double dti, int expected, string outcome)
    {
        var score = ScoreOne(Rules, ("dti", (decimal)dti));

        Assert.That(score.Points, Is.EqualTo((decimal)expected));
        Assert.That(score.Outcome, Is.EqualTo(outcome));
    }

    [Test]
    public void Reason_NamesTheIndicatorTheValueAndTheBand()
    {
        var score = ScoreOne(Rules, ("dti", 0.812m));

        Assert.That(score.Reason, Is.EqualTo("Chỉ số DTI = 0,812 thuộc mức «Từ 0,8 trở lên» → 20/20 điểm"));
        Assert.That(score.Values.Single().Name, Is.EqualTo("dti"));
        Assert.That(score.Values.Single().Value, Is.EqualTo(0.812m));
        Assert.That(score.Values.Single().Title, Is.EqualTo("Chỉ số DTI"));
        Assert.That(score.Explanation.Band, Is.EqualTo(new Results.BandBounds(1, "Từ 0,8 trở lên", 0.8m, null, null, null)));
    }

    [Test]
    public void UnlabelledBand_IsDescribedByItsBounds()
    {
        var score = ScoreOne(Rules, ("dti", 0.7m));

        Assert.That(score.Reason, Is.EqualTo("Chỉ số DTI = 0,7 thuộc mức «Từ 0,65 đến dưới 0,8» → 14/20 điểm"));
    }

    [Test]
    public void ComputedRatioExactlyAtThreshold_ReachesTheBand()
    {
        // 94.8 / 118.5 = 0.8 exactly in decimal (in double it is 0.7999999...).
        var rules = Single(
            new BandsMethod("done", [Band(10m, atLeast: 80m), Band(0m)]),
            10m,
            Indicator("done", IndicatorType.Percent));

        var score = ScoreOne(rules, ("done", 94.8m / 118.5m * 100m));

        Assert.That(score.Points, Is.EqualTo(10m));
    }

    [Test]
    public void MissingValue_ScoresZeroWithMissingOutcome()
    {
        var score = ScoreOne(Rules);

        Assert.That(score.Points, Is.Zero);
        Assert.That(score.Outcome, Is.EqualTo("missing"));
        Assert.That(score.Reason, Does.StartWith("Chưa có số liệu: Chỉ số DTI"));
        Assert.That(score.Values.Single().Value, Is.Null);
    }

    [Test]
    public void MissingValueWithDeclaredDefault_UsesTheDefault()
    {
        var rules = Single(
            new BandsMethod("dti", [Band(20m, atLeast: 0.8m), Band(5m)]),
            20m,
            Indicator("dti", @default: Scoring.Rules.Model.IndicatorValue.FromNumber(0.9m)));

        var score = ScoreOne(rules);

        Assert.That(score.Points, Is.EqualTo(20m));
        Assert.That(score.Values.Single().Value, Is.EqualTo(0.9m));
    }

    [Test]
    public void BandPointsAboveTheCriterionMax_AreClamped()
    {
        var rules = Single(new BandsMethod("x", [Band(30m)]), 20m, Indicator("x"));

        Assert.That(ScoreOne(rules, ("x", 1)).Points, Is.EqualTo(20m));
    }
}
