using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

[TestFixture]
public sealed class FunctionsTests
{
    [TestCase("Min(a, b)", 4)]
    [TestCase("Min(a, b, -1, 3)", -1)]
    [TestCase("Max(a, b)", 10)]
    [TestCase("Max(1, b, a, 3)", 10)]
    [TestCase("Clamp(a, 0, 5)", 5)]
    [TestCase("Clamp(-a, 0, 5)", 0)]
    [TestCase("Clamp(3, 0, 5)", 3)]
    [TestCase("Round(2.5)", 3)]
    [TestCase("Round(-2.5)", -3)]
    [TestCase("Round(3.5)", 4)]
    [TestCase("Round(2.4)", 2)]
    [TestCase("Round(1.005, 2)", 1.01)]
    [TestCase("Round(1.125, 2)", 1.13)]
    [TestCase("Round(-1.125, 2)", -1.13)]
    [TestCase("Round(2.675, 2)", 2.68)]
    [TestCase("Round(a / 3, 4)", 3.3333)]
    [TestCase("Round(1.23456789012345, 10)", 1.2345678901)]
    [TestCase("Floor(2.7)", 2)]
    [TestCase("Floor(-2.2)", -3)]
    [TestCase("Ceiling(2.1)", 3)]
    [TestCase("Ceiling(-2.7)", -2)]
    [TestCase("Abs(-3.5)", 3.5)]
    [TestCase("Abs(b - a)", 6)]
    [TestCase("Ratio(a, b)", 2.5)]
    [TestCase("Ratio(a, zero)", 0)]
    [TestCase("Ratio(a, zero, 100)", 100)]
    [TestCase("Ratio(a, b - 4, -1)", -1)]
    [TestCase("Ratio(a, b * 2)", 1.25)]
    [TestCase("If(yes, a, b)", 10)]
    [TestCase("If(a < b, a, b)", 4)]
    [TestCase("If(no, 1 / zero, 2)", 2)]
    public void Function_gives_exact_decimal(string source, decimal expected)
    {
        Assert.That(Eval.Number(source), Is.EqualTo(expected));
    }

    [Test]
    public void If_can_choose_between_booleans()
    {
        Assert.That(Eval.Boolean("If(a > b, yes, no)"), Is.True);
        Assert.That(Eval.Boolean("If(a < b, yes, no)"), Is.False);
    }

    [Test]
    public void Example_formula_from_the_catalog_scores_partial_credit()
    {
        var scope = Eval.Scope().Number("staffTrained", 60m).Number("staffTotal", 100m);
        const string formula = "Ratio(staffTrained, staffTotal) >= 0.8m ? 15 : Round(Ratio(staffTrained, staffTotal) / 0.8m * 15, 2)";
        Assert.That(Eval.Number(formula, scope), Is.EqualTo(11.25m));
    }

    [Test]
    public void Ratio_with_a_computed_divisor_evaluates_the_divisor_once_and_handles_zero()
    {
        Assert.That(Eval.Number("Ratio(a, b - b)"), Is.EqualTo(0m));
        Assert.That(Eval.Number("Ratio(a, b + b)"), Is.EqualTo(1.25m));
    }

    [TestCase("Min(1)", "Hàm Min nhận hai số trở lên, nhưng ở đây có 1 đối số.")]
    [TestCase("Max()", "Hàm Max nhận hai số trở lên, nhưng ở đây có 0 đối số.")]
    [TestCase("Clamp(1, 2)", "Hàm Clamp nhận ba số (x, lo, hi), nhưng ở đây có 2 đối số.")]
    [TestCase("Round(1, 2, 3)", "Hàm Round nhận một số, hoặc một số và số chữ số thập phân (x, digits), nhưng ở đây có 3 đối số.")]
    [TestCase("Floor(1, 2)", "Hàm Floor nhận một số, nhưng ở đây có 2 đối số.")]
    [TestCase("Abs()", "Hàm Abs nhận một số, nhưng ở đây có 0 đối số.")]
    [TestCase("Ratio(1)", "Hàm Ratio nhận hai số (a, b), hoặc ba số (a, b, whenZero), nhưng ở đây có 1 đối số.")]
    [TestCase("If(yes, 1)", "Hàm If nhận ba đối số (condition, a, b), nhưng ở đây có 2 đối số.")]
    public void Wrong_argument_count_is_an_error_on_the_argument_list(string source, string message)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Is.EqualTo(message));
        Assert.That(errors[0].Column, Is.EqualTo(source.IndexOf('(', StringComparison.Ordinal) + 1));
    }

    [TestCase("Round(a, b)", 10)]
    [TestCase("Round(a, 11)", 10)]
    [TestCase("Round(a, -1)", 10)]
    [TestCase("Round(a, 1.5)", 10)]
    [TestCase("Round(a, 2m)", 10)]
    public void Round_digits_must_be_a_small_whole_literal(string source, int column)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors[0].Message, Does.Contain("phải là một số nguyên viết trực tiếp, từ 0 đến 10"));
        Assert.That(errors[0].Column, Is.EqualTo(column));
    }

    [Test]
    public void Clamp_with_literal_bounds_in_the_wrong_order_is_an_error()
    {
        var errors = Eval.Errors("Clamp(a, 5, 1)");
        Assert.That(errors[0].Message, Does.Contain("lo <= hi"));
        Assert.That(errors[0].Column, Is.EqualTo(10));
        Assert.That(errors[0].Length, Is.EqualTo(4));
    }

    [Test]
    public void Clamp_with_negative_literal_bounds_in_the_wrong_order_is_an_error()
    {
        var errors = Eval.Errors("Clamp(a, -1, -5)");
        Assert.That(errors[0].Message, Does.Contain("lo <= hi"));
        Assert.That(Eval.Number("Clamp(a, -5, -1)"), Is.EqualTo(-1m));
    }

    [Test]
    public void Clamp_with_computed_bounds_in_the_wrong_order_lets_hi_win()
    {
        Assert.That(Eval.Number("Clamp(a, b + 1, b)"), Is.EqualTo(4m));
    }

    [TestCase("Min(a, yes)", 8, "Min(...) cần một số")]
    [TestCase("Abs(no)", 5, "Abs(...) cần một số")]
    [TestCase("If(a, 1, 2)", 4, "If(condition, a, b) cần giá trị true/false")]
    [TestCase("If(yes, 1, no)", 12, "If(condition, a, b) cần hai vế cùng loại")]
    [TestCase("Ratio(a, yes)", 10, "Ratio(...) cần một số")]
    public void Arguments_of_the_wrong_kind_are_errors_at_the_argument(string source, int column, string message)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors[0].Message, Does.Contain(message));
        Assert.That(errors[0].Column, Is.EqualTo(column));
    }

    [Test]
    public void Functions_list_is_public()
    {
        Assert.That(RuleExpressionCompiler.Functions, Is.EquivalentTo(new[] { "Min", "Max", "Clamp", "Round", "Floor", "Ceiling", "Abs", "Ratio", "If" }));
    }
}
