using System.Linq.Expressions;
using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

/// <summary>Error positions and limits: every failure is an error with a column, never an exception or a crash.</summary>
[TestFixture]
public sealed class ErrorsTests
{
    [Test]
    public void Unknown_identifier_in_the_middle_is_reported_at_its_column()
    {
        var errors = Eval.Errors("a + staffTrianed * 2");
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Column, Is.EqualTo(5));
        Assert.That(errors[0].Length, Is.EqualTo("staffTrianed".Length));
        Assert.That(errors[0].Message, Is.EqualTo("Tên 'staffTrianed' không xác định: đây không phải chỉ số đã khai báo hay giá trị dùng được ở chỗ này. Có phải bạn định viết 'staffTrained'?"));
    }

    [Test]
    public void Unknown_identifier_without_a_close_name_has_no_suggestion()
    {
        var errors = Eval.Errors("completelyDifferent > 1", ValueKind.Boolean);
        Assert.That(errors[0].Message, Is.EqualTo("Tên 'completelyDifferent' không xác định: đây không phải chỉ số đã khai báo hay giá trị dùng được ở chỗ này."));
    }

    [Test]
    public void Every_unknown_identifier_is_reported()
    {
        var errors = Eval.Errors("x1 + a + y2");
        Assert.That(errors.Select(e => e.Column), Is.EqualTo(new[] { 1, 10 }));
    }

    [Test]
    public void Leading_spaces_count_in_the_column()
    {
        var errors = Eval.Errors("   a + nope");
        Assert.That(errors[0].Column, Is.EqualTo(8));
    }

    [TestCase("a + yes", 5, "Toán tử '+' cần một số, nhưng đây là giá trị true/false.")]
    [TestCase("yes * 2", 1, "Toán tử '*' cần một số, nhưng đây là giá trị true/false.")]
    [TestCase("a && yes", 1, "Toán tử '&&' cần giá trị true/false, nhưng đây là một số.")]
    [TestCase("yes || 1 > 0 || b", 17, "Toán tử '||' cần giá trị true/false, nhưng đây là một số.")]
    [TestCase("-yes", 2, "Toán tử '-' cần một số, nhưng đây là giá trị true/false.")]
    [TestCase("!a", 2, "Toán tử '!' cần giá trị true/false, nhưng đây là một số.")]
    [TestCase("a < yes", 5, "Toán tử '<' cần một số, nhưng đây là giá trị true/false.")]
    public void Type_mismatch_is_reported_at_the_offending_operand(string source, int column, string message)
    {
        var expected = source.Contains("&&", StringComparison.Ordinal) || source.Contains("||", StringComparison.Ordinal) || source.StartsWith('!') || source.Contains('<')
            ? ValueKind.Boolean
            : ValueKind.Number;
        var errors = Eval.Errors(source, expected);
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Is.EqualTo(message));
        Assert.That(errors[0].Column, Is.EqualTo(column));
    }

    [Test]
    public void Equality_between_a_number_and_a_boolean_is_reported_at_the_operator()
    {
        var errors = Eval.Errors("a == yes", ValueKind.Boolean);
        Assert.That(errors[0].Message, Does.Contain("'==' cần hai vế cùng loại"));
        Assert.That(errors[0].Column, Is.EqualTo(3));
        Assert.That(errors[0].Length, Is.EqualTo(2));
    }

    [Test]
    public void Conditional_branches_of_different_kinds_are_reported_at_the_colon()
    {
        var errors = Eval.Errors("yes ? 1 : no");
        Assert.That(errors[0].Message, Does.Contain("'?:' cần hai vế cùng loại"));
        Assert.That(errors[0].Column, Is.EqualTo(9));
    }

    [Test]
    public void Conditional_needs_a_boolean_condition()
    {
        var errors = Eval.Errors("a ? 1 : 2");
        Assert.That(errors[0].Message, Does.Contain("cần giá trị true/false"));
        Assert.That(errors[0].Column, Is.EqualTo(1));
    }

    [Test]
    public void Number_where_a_boolean_is_expected_spans_the_whole_expression()
    {
        var errors = Eval.Errors(" a + 1", ValueKind.Boolean);
        Assert.That(errors[0].Message, Does.Contain("cho ra một số, nhưng ở đây cần true/false"));
        Assert.That(errors[0].Column, Is.EqualTo(2));
        Assert.That(errors[0].Length, Is.EqualTo(5));
    }

    [Test]
    public void Boolean_where_a_number_is_expected_suggests_a_conditional()
    {
        var errors = Eval.Errors("a > 1");
        Assert.That(errors[0].Message, Does.Contain("cho ra true/false, nhưng ở đây cần một số").And.Contain("condition ? points : 0"));
    }

    [Test]
    public void Coalesce_needs_a_name_on_the_left()
    {
        var errors = Eval.Errors("1 + (a + b ?? 0)");
        Assert.That(errors[0].Message, Does.Contain("Vế trái của '??' phải là tên một chỉ số đã khai báo"));
        Assert.That(errors[0].Column, Is.EqualTo(6));
    }

    [TestCase("a +", "Lỗi cú pháp: thiếu một giá trị ở vị trí này")]
    [TestCase("(a + b", "Lỗi cú pháp: thiếu dấu đóng ngoặc ')'")]
    [TestCase("a b", "Lỗi cú pháp")]
    [TestCase("Min(a,)", "Lỗi cú pháp")]
    [TestCase("a > = b", "Lỗi cú pháp")]
    public void Syntax_errors_carry_a_vietnamese_message_and_a_position(string source, string message)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors[0].Message, Does.StartWith(message));
        Assert.That(errors[0].Column, Is.InRange(1, source.Length + 1));
    }

    [Test]
    public void Trailing_garbage_is_reported_where_it_starts()
    {
        var errors = Eval.Errors("a + b  c * 2");
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Is.EqualTo("Lỗi cú pháp: thừa 'c' sau khi biểu thức đã kết thúc"));
        Assert.That(errors[0].Column, Is.EqualTo(8));
        Assert.That(errors[0].Length, Is.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Empty_expression_is_an_error(string source)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors[0].Message, Does.StartWith("Biểu thức đang trống"));
        Assert.That(errors[0].Column, Is.EqualTo(1));
    }

    [Test]
    public void Expression_longer_than_the_limit_is_an_error_at_the_first_extra_character()
    {
        var source = string.Join(" + ", Enumerable.Repeat("a", 700));
        var errors = Eval.Errors(source);
        Assert.That(errors[0].Message, Does.Contain($"vượt giới hạn {RuleExpressionCompiler.MaxLength} ký tự"));
        Assert.That(errors[0].Column, Is.EqualTo(RuleExpressionCompiler.MaxLength + 1));
    }

    [Test]
    public void One_hundred_thousand_open_parentheses_are_an_error_not_a_crash()
    {
        var translation = RuleExpressionCompiler.Translate(new string('(', 100_000), Eval.Scope(), NumericMode.Decimal, ValueKind.Number);
        Assert.That(translation.Succeeded, Is.False);
        Assert.That(translation.Errors[0].Message, Does.Contain("lồng nhau quá sâu"));
        Assert.That(translation.Errors[0].Column, Is.EqualTo(65));
        Assert.That(RuleExpressionCompiler.Analyze(new string('(', 100_000)).Required, Is.Empty);
    }

    [Test]
    public void Parentheses_nested_beyond_the_limit_are_an_error_at_the_first_too_deep_one()
    {
        var source = new string('(', 65) + "a" + new string(')', 65);
        var errors = Eval.Errors(source);
        Assert.That(errors[0].Message, Does.Contain("lồng nhau quá sâu (hơn 64 cấp)"));
        Assert.That(errors[0].Column, Is.EqualTo(65));
    }

    [Test]
    public void Parentheses_nested_up_to_the_limit_translate()
    {
        var source = new string('(', 60) + "a" + new string(')', 60);
        Assert.That(Eval.Number(source), Is.EqualTo(10m));
    }

    [TestCase(5000)]
    [TestCase(999)]
    public void Deeply_nested_unary_minus_is_an_error_not_a_crash(int depth)
    {
        var source = string.Concat(Enumerable.Repeat("-", depth)) + "a";
        var translation = RuleExpressionCompiler.Translate(source, Eval.Scope(), NumericMode.Decimal, ValueKind.Number);
        Assert.That(translation.Succeeded, Is.False);
        Assert.That(translation.Errors, Is.Not.Empty);
    }

    [TestCase(5000)]
    [TestCase(900)]
    public void Deeply_spaced_unary_minus_is_an_error_not_a_crash(int depth)
    {
        var source = string.Concat(Enumerable.Repeat("- ", depth)) + "a";
        var translation = RuleExpressionCompiler.Translate(source, Eval.Scope(), NumericMode.Decimal, ValueKind.Number);
        Assert.That(translation.Succeeded, Is.False);
        Assert.That(translation.Errors[0].Message, Does.Contain("ký tự, vượt giới hạn").Or.Contain("quá sâu"));
    }

    [TestCase(5000)]
    [TestCase(300)]
    [TestCase(65)]
    public void Deeply_nested_Min_calls_are_an_error_not_a_crash(int depth)
    {
        var source = string.Concat(Enumerable.Repeat("Min(1, ", depth)) + "a" + new string(')', depth);
        var translation = RuleExpressionCompiler.Translate(source, Eval.Scope(), NumericMode.Decimal, ValueKind.Number);
        Assert.That(translation.Succeeded, Is.False);
        Assert.That(translation.Errors[0].Message, Does.Contain("ký tự, vượt giới hạn").Or.Contain("quá sâu"));
    }

    [Test]
    public void Deeply_nested_conditionals_are_an_error_at_the_limit()
    {
        // a ? b : c ? d : ... nests to the right without brackets: the translator's depth counter catches it.
        var source = string.Concat(Enumerable.Repeat("yes ? 1 : ", 100)) + "0";
        var errors = Eval.Errors(source);
        Assert.That(errors[0].Message, Does.Contain("lồng nhau quá sâu"));
    }

    [Test]
    public void Longest_flat_chains_translate_compile_and_run_on_a_small_stack()
    {
        // Near the length limit: a 666-term sum (left-deep tree) and a 666-argument Min, on a 256 KB thread stack.
        var sum = string.Join("+", Enumerable.Repeat("a", 666));
        var min = "Min(" + string.Join(",", Enumerable.Repeat("b", 666)) + ")";
        Assert.That(sum.Length, Is.LessThanOrEqualTo(RuleExpressionCompiler.MaxLength));
        Assert.That(min.Length, Is.LessThanOrEqualTo(RuleExpressionCompiler.MaxLength));
        var results = new decimal[2];
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    results[0] = Run(sum);
                    results[1] = Run(min);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.That(failure, Is.Null);
        Assert.That(results, Is.EqualTo(new[] { 6660m, 4m }));

        static decimal Run(string source)
        {
            var translation = RuleExpressionCompiler.Translate(source, Eval.Scope(), NumericMode.Decimal, ValueKind.Number);
            return Expression.Lambda<Func<decimal>>(translation.Body ?? throw new InvalidOperationException(string.Join("; ", translation.Errors))).Compile()();
        }
    }

    [Test]
    public void Deep_nesting_runs_on_a_small_stack_without_crashing()
    {
        // A 256 KB thread stack: a recursive parser without guards would overflow here and kill the process.
        ExpressionTranslation? translation = null;
        var thread = new Thread(
            () => translation = RuleExpressionCompiler.Translate(
                string.Concat(Enumerable.Repeat("yes ? 1 : ", 190)) + "0", Eval.Scope(), NumericMode.Decimal, ValueKind.Number),
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.That(translation?.Succeeded, Is.False, "the translation finished (no crash) and reported the nesting as an error");
    }
}
