using System.Linq.Expressions;
using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

/// <summary>Double mode mirrors decimal mode; the hooks for the guarded fast path are called where promised.</summary>
[TestFixture]
public sealed class DoubleModeTests
{
    private static readonly string[] NumberExpressions =
    [
        "a + b * 2 - 1",
        "a / b",
        "a % b",
        "-a + +b",
        "Min(a, b, 3)",
        "Max(a, b)",
        "Clamp(a, 0, 5)",
        "Round(2.5)",
        "Round(-2.5)",
        "Round(a / 3, 2)",
        "Round(1.125, 2)",
        "Floor(a / 3)",
        "Ceiling(a / 3)",
        "Abs(b - a)",
        "Ratio(a, b)",
        "Ratio(a, zero)",
        "Ratio(a, zero, 7)",
        "If(a > b, 1, 2)",
        "yes && a >= 10 ? 15 : 0",
        "Round(Ratio(staffTrained, staffTotal) / 0.8m * 15, 2)",
    ];

    [TestCaseSource(nameof(NumberExpressions))]
    public void Number_expression_gives_the_same_result_as_decimal(string source)
    {
        var exact = Eval.Number(source);
        var fast = Eval.Double(source);
        Assert.That(fast, Is.EqualTo((double)exact).Within(1e-12));
    }

    [TestCase("a > b && !no")]
    [TestCase("a == 10 || b != 4")]
    [TestCase("Ratio(a, b) <= 2.5")]
    [TestCase("If(yes, no, yes) == no")]
    public void Boolean_expression_gives_the_same_result_as_decimal(string source)
    {
        var exact = Eval.Boolean(source);
        var fast = Eval.Run<bool>(Eval.Translate(source, Eval.Scope(NumericMode.Double), ValueKind.Boolean));
        Assert.That(fast, Is.EqualTo(exact));
    }

    [Test]
    public void Literal_is_converted_from_the_exact_decimal()
    {
        Assert.That(Eval.Double("0.1"), Is.EqualTo(0.1d));
        Assert.That(Eval.Double("1e3"), Is.EqualTo(1000d));
    }

    [Test]
    public void Division_by_zero_throws_as_in_decimal_mode_instead_of_infinity()
    {
        var translation = Eval.Translate("a / zero", Eval.Scope(NumericMode.Double), ValueKind.Number);
        Assert.Throws<RuleEvaluationException>(() => Eval.Run<double>(translation));
        var remainder = Eval.Translate("a % zero", Eval.Scope(NumericMode.Double), ValueKind.Number);
        Assert.Throws<RuleEvaluationException>(() => Eval.Run<double>(remainder));
    }

    [Test]
    public void Comparison_rewriter_builds_every_numeric_comparison_including_ratio_zero_test()
    {
        var seen = new List<ExpressionType>();
        var options = new ExpressionTranslationOptions
        {
            ComparisonRewriter = (type, left, right) =>
            {
                seen.Add(type);
                return Expression.MakeBinary(type, left, right);
            },
        };
        var translation = Eval.Translate(
            "a > 1 && a >= 1 && a < 20 && a <= 20 && a == 10 && b != 0 && Ratio(a, b) > 0 && yes == yes",
            Eval.Scope(NumericMode.Double), ValueKind.Boolean, options);
        Assert.That(Eval.Run<bool>(translation), Is.True);
        Assert.That(seen, Is.EqualTo(new[]
        {
            ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual, ExpressionType.LessThan,
            ExpressionType.LessThanOrEqual, ExpressionType.Equal, ExpressionType.NotEqual,
            ExpressionType.Equal, ExpressionType.GreaterThan,
        }));
    }

    [Test]
    public void Comparison_rewriter_result_is_used()
    {
        // A rewriter that inverts every comparison proves its tree, not the default one, is evaluated.
        var options = new ExpressionTranslationOptions
        {
            ComparisonRewriter = (type, left, right) => Expression.Not(Expression.MakeBinary(type, left, right)),
        };
        var translation = Eval.Translate("a > b", Eval.Scope(NumericMode.Double), ValueKind.Boolean, options);
        Assert.That(Eval.Run<bool>(translation), Is.False);
    }

    [Test]
    public void Round_floor_and_ceiling_rewriters_receive_the_operand_and_digits()
    {
        var digitsSeen = new List<int?>();
        var options = new ExpressionTranslationOptions
        {
            RoundRewriter = (x, digits) =>
            {
                digitsSeen.Add(digits);
                return Expression.Constant(100d);
            },
            FloorRewriter = _ => Expression.Constant(20d),
            CeilingRewriter = _ => Expression.Constant(3d),
        };
        var translation = Eval.Translate("Round(a) + Round(a, 2) + Floor(a) + Ceiling(a)", Eval.Scope(NumericMode.Double), ValueKind.Number, options);
        Assert.That(Eval.Run<double>(translation), Is.EqualTo(223d));
        Assert.That(digitsSeen, Is.EqualTo(new int?[] { null, 2 }));
    }

    [Test]
    public void Without_wrapping_a_zero_divisor_surfaces_as_the_raw_exception()
    {
        var options = new ExpressionTranslationOptions { WrapArithmeticExceptions = false };
        var translation = Eval.Translate("a / zero", Eval.Scope(NumericMode.Double), ValueKind.Number, options);
        Assert.Throws<DivideByZeroException>(() => Eval.Run<double>(translation));
    }

    [Test]
    public void Scope_returning_the_wrong_clr_type_is_a_programming_error()
    {
        // The decimal-valued scope used with Double mode: the caller's bug, reported loudly rather than as a rule error.
        var decimalScope = Eval.Scope();
        Assert.Throws<InvalidOperationException>(
            () => RuleExpressionCompiler.Translate("a + 1", decimalScope, NumericMode.Double, ValueKind.Number));
    }
}
