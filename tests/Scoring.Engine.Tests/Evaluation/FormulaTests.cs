using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Evaluation;

/// <summary>Criteria whose operands are full expressions (the Roslyn translator).</summary>
public sealed class FormulaTests
{
    private static readonly Model.CompiledRuleSet Staff = Single(
        new ExpressionMethod("Ratio(trained, total) >= 0.8m ? 15 : Round(Ratio(trained, total) / 0.8m * 15, 2)"), 15m,
        Indicator("trained", IndicatorType.Count, "Số cán bộ đã học"), Indicator("total", IndicatorType.Count, "Tổng số cán bộ"));

    [TestCase(20, 25, 15)]
    [TestCase(10, 25, 7.5)]
    [TestCase(1, 3, 6.25)]
    [TestCase(0, 0, 0)]
    public void Expression_RatioFormula(int trained, int total, double expected)
    {
        var score = ScoreOne(Staff, ("trained", trained), ("total", total));

        Assert.That(score.Points, Is.EqualTo((decimal)expected));
        Assert.That(score.Outcome, Is.EqualTo("expression"));
        Assert.That(score.Values.Select(v => v.Name), Is.EqualTo(new[] { "trained", "total" }));
    }

    [Test]
    public void Expression_AnyRequiredIndicatorMissing_IsMissing()
    {
        var score = ScoreOne(Staff, ("trained", 20));

        Assert.That(score.Outcome, Is.EqualTo("missing"));
        Assert.That(score.Reason, Does.StartWith("Chưa có số liệu: Tổng số cán bộ"));
    }

    [Test]
    public void Expression_DivisionByZero_IsAnErrorOutcomeNotACrash()
    {
        var rules = Single(new ExpressionMethod("a / b * 10"), 10m, Indicator("a"), Indicator("b"));

        var score = ScoreOne(rules, ("a", 1), ("b", 0));

        Assert.That(score.Points, Is.Zero);
        Assert.That(score.Outcome, Is.EqualTo("error"));
        Assert.That(score.Reason, Does.StartWith("Lỗi khi tính điểm: "));
        Assert.That(ScoreOne(rules, ("a", 1), ("b", 2)).Points, Is.EqualTo(5m));
    }

    [Test]
    public void Expression_OptionalOperandWithFallback_IsNotMissing()
    {
        var rules = Single(new ExpressionMethod("(extra ?? 2) + done"), 10m, Indicator("extra"), Indicator("done"));

        var fallback = ScoreOne(rules, ("done", 3));
        var given = ScoreOne(rules, ("done", 3), ("extra", 5));

        Assert.That(fallback.Points, Is.EqualTo(5m));
        Assert.That(fallback.Values.Select(v => (v.Name, v.Value)), Is.EquivalentTo(new[] { ("done", (decimal?)3m), ("extra", null) }));
        Assert.That(given.Points, Is.EqualTo(8m));
    }

    [Test]
    public void Check_CompoundCondition()
    {
        var rules = Single(new CheckMethod("drill && incidents == 0", null), 10m,
            Indicator("drill", IndicatorType.Boolean), Indicator("incidents", IndicatorType.Count, @default: IndicatorValue.FromNumber(0m)));

        Assert.That(ScoreOne(rules, ("drill", true)).Points, Is.EqualTo(10m));
        Assert.That(ScoreOne(rules, ("drill", true), ("incidents", 1)).Points, Is.Zero);
        Assert.That(ScoreOne(rules, ("drill", true), ("incidents", 1)).Reason, Is.EqualTo("Không đạt điều kiện «drill && incidents == 0» (1 ≠ 0) → 0/10 điểm"));
    }

    [Test]
    public void Target_PerUnitTargetExpression()
    {
        var rules = Single(new TargetMethod("done", "planned * 0.5m", false), 10m, Indicator("done"), Indicator("planned"));

        Assert.That(ScoreOne(rules, ("done", 30), ("planned", 100)).Points, Is.EqualTo(6m));
    }

    [Test]
    public void AwardEligibility_ReadsTotalRankAndGroupSize()
    {
        var rules = Compile(RuleSet(
            [Indicator("score")],
            [Section("S", 100m, Criterion("C", 100m, new ExpressionMethod("score")))],
            awards: [Award("gk", 10, eligibility: "total >= 80 && rank <= groupSize / 2")]));
        var units = new[] { Unit("a", ("score", 95)), Unit("b", ("score", 85)), Unit("c", ("score", 82)), Unit("d", ("score", 90)), Unit("e", ("score", 50)) };

        var result = ScoringEngine.Score(Request(rules, [Group("G", [.. units.Select(u => u.Code)])], units));

        // groupSize 5 → rank ≤ 2.5: a (1) and d (2).
        Assert.That(result.Awards.Select(a => a.UnitCode), Is.EqualTo(new[] { "a", "d" }));
    }

    [Test]
    public void GradeCondition_ReadsTotalAndIndicators()
    {
        var rules = Compile(RuleSet(
            [Indicator("score"), Indicator("incidents", IndicatorType.Count)],
            [Section("S", 100m, Criterion("C", 100m, new ExpressionMethod("score")))],
            grades: [Grade("xs", 90m, condition: "incidents == 0 && bonus >= 0"), Grade("khac", null)]));

        var result = ScoreGroup(rules, Unit("a", ("score", 95), ("incidents", 0)), Unit("b", ("score", 95), ("incidents", 2)));

        Assert.That(result.Card("a").Grade, Is.EqualTo("xs"));
        Assert.That(result.Card("b").Grade, Is.EqualTo("khac"));
    }
}
