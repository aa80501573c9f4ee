using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

[TestFixture]
public sealed class OperatorsTests
{
    [TestCase("a + b", 14)]
    [TestCase("a - b", 6)]
    [TestCase("a * b", 40)]
    [TestCase("a / b", 2.5)]
    [TestCase("a % b", 2)]
    [TestCase("a + b * 2", 18)]
    [TestCase("(a + b) * 2", 28)]
    [TestCase("-a + b", -6)]
    [TestCase("+a", 10)]
    [TestCase("- -a", 10)]
    [TestCase("a - b - 1", 5)]
    [TestCase("a / b / 2", 1.25)]
    [TestCase("yes ? a : b", 10)]
    [TestCase("no ? a : b", 4)]
    [TestCase("a > 5 ? a > 8 ? 3 : 2 : 1", 3)]
    public void Arithmetic_and_conditional_give_exact_decimals(string source, decimal expected)
    {
        Assert.That(Eval.Number(source), Is.EqualTo(expected));
    }

    [TestCase("a > b", true)]
    [TestCase("a < b", false)]
    [TestCase("a >= 10", true)]
    [TestCase("a <= 9.99", false)]
    [TestCase("a == 10.0", true)]
    [TestCase("a != 10", false)]
    [TestCase("yes == no", false)]
    [TestCase("yes != no", true)]
    [TestCase("yes && no", false)]
    [TestCase("yes || no", true)]
    [TestCase("!no", true)]
    [TestCase("!(a > b) || b == 4 && yes", true)]
    [TestCase("a > b && b > 3 && zero == 0", true)]
    public void Comparisons_and_logic(string source, bool expected)
    {
        Assert.That(Eval.Boolean(source), Is.EqualTo(expected));
    }

    [Test]
    public void And_short_circuits_so_a_division_by_zero_on_the_right_is_not_evaluated()
    {
        Assert.That(Eval.Boolean("zero != 0 && a / zero > 1"), Is.False);
    }

    [Test]
    public void Division_by_zero_throws_a_rule_evaluation_exception_recommending_ratio()
    {
        var translation = Eval.Translate("a / zero", Eval.Scope(), ValueKind.Number);
        var error = Assert.Throws<RuleEvaluationException>(() => Eval.Run<decimal>(translation));
        Assert.That(error!.Message, Does.Contain("Chia cho 0").And.Contain("Ratio"));
        Assert.That(error.ExpressionText, Is.EqualTo("a / zero"));
        Assert.That(error.InnerException, Is.InstanceOf<DivideByZeroException>());
    }

    [Test]
    public void Remainder_by_zero_throws_a_rule_evaluation_exception()
    {
        var translation = Eval.Translate("a % zero", Eval.Scope(), ValueKind.Number);
        Assert.Throws<RuleEvaluationException>(() => Eval.Run<decimal>(translation));
    }

    [Test]
    public void Decimal_overflow_throws_a_rule_evaluation_exception()
    {
        var translation = Eval.Translate("79228162514264337593543950335 * 2", Eval.Scope(), ValueKind.Number);
        var error = Assert.Throws<RuleEvaluationException>(() => Eval.Run<decimal>(translation));
        Assert.That(error!.InnerException, Is.InstanceOf<OverflowException>());
    }

    [Test]
    public void Coalesce_uses_the_value_when_present()
    {
        var scope = Eval.Scope().Number("reports", 7m).Optional("reports", present: true);
        Assert.That(Eval.Number("reports ?? 0", scope), Is.EqualTo(7m));
    }

    [Test]
    public void Coalesce_uses_the_fallback_when_missing()
    {
        var scope = Eval.Scope().Number("reports", 7m).Optional("reports", present: false);
        Assert.That(Eval.Number("(reports ?? 2) * 3", scope), Is.EqualTo(6m));
    }

    [Test]
    public void Coalesce_on_a_name_that_cannot_be_missing_is_just_the_value()
    {
        Assert.That(Eval.Number("a ?? 0"), Is.EqualTo(10m));
    }

    [Test]
    public void Coalesce_chains_to_the_first_present_value()
    {
        var scope = Eval.Scope()
            .Number("p", 1m).Optional("p", present: false)
            .Number("q", 2m).Optional("q", present: true);
        Assert.That(Eval.Number("p ?? q ?? 3", scope), Is.EqualTo(2m));
    }

    [Test]
    public void Identifiers_may_use_vietnamese_letters_and_verbatim_names()
    {
        var scope = Eval.Scope().Number("tỷLệĐạt", 0.9m).Number("class", 2m);
        Assert.That(Eval.Number("tỷLệĐạt * 10 + @class", scope), Is.EqualTo(11m));
    }

    [Test]
    public void Dotted_name_resolves_only_when_the_scope_declares_it_whole()
    {
        var scope = Eval.Scope().Number("unit.size", 3m);
        Assert.That(Eval.Number("unit.size * 2", scope), Is.EqualTo(6m));
        Assert.That(Eval.Errors("unit.other", scope: scope)[0].Message, Does.StartWith("Không được truy cập thành viên 'unit.other'"));
    }

    [Test]
    public void Comments_and_line_breaks_are_ignored()
    {
        Assert.That(Eval.Number("a /* all staff */ +\n b // trained"), Is.EqualTo(14m));
    }

    [Test]
    public void Long_left_associative_chains_are_not_limited_by_the_depth_limit()
    {
        var source = string.Join(" + ", Enumerable.Repeat("a", 500));
        Assert.That(Eval.Number(source), Is.EqualTo(5000m));
    }
}
