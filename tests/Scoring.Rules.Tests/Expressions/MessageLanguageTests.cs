using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

/// <summary>Every message of the expression compiler, including the C# parser's syntax errors, reads as Vietnamese.</summary>
[TestFixture]
public sealed class MessageLanguageTests
{
    [TestCase("")]
    [TestCase("a +")]
    [TestCase("(a + b")]
    [TestCase("a b")]
    [TestCase("Min(a,)")]
    [TestCase("a > = b")]
    [TestCase("a + b  c * 2")]
    [TestCase("a # x")]
    [TestCase("ref a")]
    [TestCase("\"unterminated")]
    [TestCase("'c'")]
    [TestCase("''")]
    [TestCase("a /* open comment")]
    [TestCase("a +* b")]
    [TestCase("Max(1, 2")]
    [TestCase("{ a }")]
    [TestCase("a[")]
    [TestCase("a ? 1")]
    [TestCase("a ? 1 :")]
    [TestCase("System.IO.File.Delete(\"x\")")]
    [TestCase("Math.Pow(2, 3)")]
    [TestCase("1 + new object()")]
    [TestCase("x => x")]
    [TestCase("1 + nameof(a)")]
    [TestCase("checked(1 + 1)")]
    [TestCase("null")]
    [TestCase("a is 5")]
    [TestCase("a switch { _ => 1 }")]
    [TestCase("(int)a")]
    [TestCase("a = 1")]
    [TestCase("a++")]
    [TestCase("new[] { 1, 2 }")]
    [TestCase("from x in a select x")]
    [TestCase("a?.b")]
    [TestCase("a!")]
    [TestCase("(a, b)")]
    [TestCase("a.b")]
    [TestCase("Min<int>(1, 2)")]
    [TestCase("delegate { return 1; }")]
    [TestCase("this")]
    [TestCase("1..2")]
    [TestCase("1 + await a")]
    [TestCase("throw null")]
    [TestCase("a & b")]
    [TestCase("~a")]
    [TestCase("Foo(1)")]
    [TestCase("Mn(2, 3)")]
    [TestCase("max(1, 2)")]
    [TestCase("Max(x: 1, 2)")]
    [TestCase("Max(ref a, 2)")]
    [TestCase("Min(1)")]
    [TestCase("If(yes, 1)")]
    [TestCase("Round(a, 11)")]
    [TestCase("Clamp(a, 5, 1)")]
    [TestCase("a + yes")]
    [TestCase("!a")]
    [TestCase("a == yes")]
    [TestCase("yes ? 1 : no")]
    [TestCase("a > 1")]
    [TestCase("1 + (a + b ?? 0)")]
    [TestCase("staffTrianed * 2")]
    [TestCase("0.8f")]
    [TestCase("0x10")]
    [TestCase("1e400")]
    public void Every_error_message_is_vietnamese(string source)
    {
        var errors = Eval.Errors(source);

        Assert.That(errors, Is.Not.Empty);
        using (Assert.EnterMultipleScope())
        {
            foreach (var error in errors)
            {
                Assert.That(VietnameseText.Problem(error.Message), Is.Null, error.Message);
                Assert.That(error.Message, Does.Not.Contain("trình biên dịch C# báo mã"), "a syntax error without a Vietnamese text of its own");
            }
        }
    }

    [Test]
    public void Limits_are_reported_in_vietnamese()
    {
        var tooLong = Eval.Errors(new string('1', RuleExpressionCompiler.MaxLength + 1));
        var tooDeep = Eval.Errors(new string('(', 100) + "1" + new string(')', 100));

        Assert.That(VietnameseText.Problem(tooLong[0].Message), Is.Null, tooLong[0].Message);
        Assert.That(VietnameseText.Problem(tooDeep[0].Message), Is.Null, tooDeep[0].Message);
    }
}
