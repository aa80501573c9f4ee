using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Evaluation;

public sealed class TotalsTests
{
    private static Model.CompiledRuleSet Rules(decimal bonusCap = 10m, decimal penaltyCap = 10m, TotalLimits? total = null, IEnumerable<GradeBand>? grades = null) =>
        Compile(RuleSet(
            [Indicator("a"), Indicator("b"), Indicator("plus", IndicatorType.Count), Indicator("minus", IndicatorType.Count), Indicator("star", IndicatorType.Boolean)],
            [
                Section("I", 50m, Criterion("I.1", 30m, new ExpressionMethod("a")), Criterion("I.2", 30m, new ExpressionMethod("b"))),
                Section("II", 50m, Criterion("II.1", 50m, new ExpressionMethod("b"))),
            ],
            bonus: new Adjustment(bonusCap, [Criterion("T.1", 20m, new CountMethod("plus", 5m))], "$.bonus"),
            penalty: new Adjustment(penaltyCap, [Criterion("P.1", 20m, new CountMethod("minus", 5m))], "$.penalty"),
            total: total ?? new TotalLimits(0m, 105m),
            grades: grades));

    [Test]
    public void SectionIsCappedAtItsMax()
    {
        var card = ScoreGroup(Rules(), Unit("U", ("a", 30), ("b", 30))).Card("U");

        Assert.That(card.Sections[0].Points, Is.EqualTo(50m));
        Assert.That(card.Sections[1].Points, Is.EqualTo(30m));
        Assert.That(card.BasePoints, Is.EqualTo(80m));
        Assert.That(card.Total, Is.EqualTo(80m));
    }

    [Test]
    public void BonusAndPenaltyAreCapped()
    {
        var card = ScoreGroup(Rules(bonusCap: 10m, penaltyCap: 5m), Unit("U", ("a", 20), ("b", 20), ("plus", 3), ("minus", 4))).Card("U");

        Assert.That(card.BonusCriteria.Single().Points, Is.EqualTo(15m));
        Assert.That(card.Bonus, Is.EqualTo(10m));
        Assert.That(card.PenaltyCriteria.Single().Points, Is.EqualTo(20m));
        Assert.That(card.Penalty, Is.EqualTo(5m));
        Assert.That(card.Total, Is.EqualTo(40m + 20m + 10m - 5m));
    }

    [Test]
    public void TotalIsClampedToLimits()
    {
        var high = ScoreGroup(Rules(), Unit("U", ("a", 30), ("b", 50), ("plus", 4))).Card("U");
        var low = ScoreGroup(Rules(), Unit("U", ("a", 0), ("b", 1), ("minus", 4))).Card("U");

        Assert.That(high.BasePoints + high.Bonus, Is.EqualTo(110m));
        Assert.That(high.Total, Is.EqualTo(105m));
        Assert.That(low.Total, Is.Zero);
    }

    [Test]
    public void GradeIsTheFirstBandWhoseMinimumIsMet()
    {
        var rules = Rules(grades: [Grade("xuat-sac", 90m, title: "Hoàn thành xuất sắc nhiệm vụ"), Grade("tot", 70m), Grade("khac", null)]);

        var result = ScoreGroup(rules, Unit("top", ("a", 30), ("b", 50)), Unit("edge", ("a", 20), ("b", 25)), Unit("mid", ("a", 5), ("b", 20)));

        Assert.That(result.Card("top").Grade, Is.EqualTo("xuat-sac"));
        Assert.That(result.Card("top").GradeTitle, Is.EqualTo("Hoàn thành xuất sắc nhiệm vụ"));
        Assert.That(result.Card("edge").Grade, Is.EqualTo("tot"));
        Assert.That(result.Card("mid").Grade, Is.EqualTo("khac"));
    }

    [Test]
    public void GradeConditionMustHold()
    {
        var rules = Rules(grades: [Grade("sao", 50m, condition: "star"), Grade("khac", null)]);

        var result = ScoreGroup(rules, Unit("yes", ("a", 30), ("b", 50), ("star", true)), Unit("no", ("a", 30), ("b", 50), ("star", false)), Unit("none", ("a", 30), ("b", 50)));

        Assert.That(result.Card("yes").Grade, Is.EqualTo("sao"));
        Assert.That(result.Card("no").Grade, Is.EqualTo("khac"));
        Assert.That(result.Card("none").Grade, Is.EqualTo("khac"));
    }

    [Test]
    public void UnknownSubmittedValue_IsNotedOnTheCard()
    {
        var card = ScoreGroup(Rules(), Unit("U", ("a", 1), ("b", 1), ("mystery", 3))).Card("U");

        Assert.That(card.Notes, Has.Some.Contains("«mystery»"));
    }

    [Test]
    public void YearOutsideTheRuleSet_IsRejectedClearly()
    {
        var request = Request(Rules(), [Group("G", "U")], [Unit("U")], year: 2031);

        Assert.That(() => ScoringEngine.Score(request), Throws.ArgumentException.With.Message.Contains("2031"));
    }

    [Test]
    public void CompileErrors_AreReportedWithThePath()
    {
        var rules = RuleSet([Indicator("a")], [Section("S", 10m, Criterion("C", 10m, new ExpressionMethod("nope")))]);

        Assert.That(() => Compile(rules), Throws.TypeOf<Compilation.RuleSetCompilationException>()
            .With.Message.Contains("$.criteria[C].formula").And.Message.Contains("nope"));
    }
}
