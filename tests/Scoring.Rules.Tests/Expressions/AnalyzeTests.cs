using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

[TestFixture]
public sealed class AnalyzeTests
{
    [Test]
    public void Names_are_listed_in_order_of_first_use()
    {
        var info = RuleExpressionCompiler.Analyze("c + a * Max(b, a) - c");
        Assert.That(info.Required, Is.EqualTo(new[] { "c", "a", "b" }));
        Assert.That(info.Optional, Is.Empty);
    }

    [Test]
    public void Function_names_are_not_reads()
    {
        var info = RuleExpressionCompiler.Analyze("Round(Ratio(staffTrained, staffTotal) / 0.8m * 15, 2)");
        Assert.That(info.Required, Is.EqualTo(new[] { "staffTrained", "staffTotal" }));
    }

    [Test]
    public void Left_of_coalesce_is_optional()
    {
        var info = RuleExpressionCompiler.Analyze("(reports ?? 0) + a ?? b");
        Assert.That(info.Optional, Is.EqualTo(new[] { "reports" }));
        Assert.That(info.Required, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void Parenthesized_left_of_coalesce_is_optional()
    {
        var info = RuleExpressionCompiler.Analyze("((x)) ?? 1");
        Assert.That(info.Optional, Is.EqualTo(new[] { "x" }));
        Assert.That(info.Required, Is.Empty);
    }

    [Test]
    public void Name_used_both_with_and_without_coalesce_is_required()
    {
        var info = RuleExpressionCompiler.Analyze("(x ?? 0) + x");
        Assert.That(info.Required, Is.EqualTo(new[] { "x" }));
        Assert.That(info.Optional, Is.Empty);
    }

    [Test]
    public void Optional_and_required_keep_first_use_order()
    {
        var info = RuleExpressionCompiler.Analyze("(p ?? 1) * q + (r ?? 2) * s + (p ?? 3)");
        Assert.That(info.Optional, Is.EqualTo(new[] { "p", "r" }));
        Assert.That(info.Required, Is.EqualTo(new[] { "q", "s" }));
    }

    [Test]
    public void Right_of_coalesce_is_required()
    {
        var info = RuleExpressionCompiler.Analyze("x ?? y");
        Assert.That(info.Optional, Is.EqualTo(new[] { "x" }));
        Assert.That(info.Required, Is.EqualTo(new[] { "y" }));
    }

    [Test]
    public void Literals_give_no_names()
    {
        var info = RuleExpressionCompiler.Analyze("1 + 2.5m > 3 && true");
        Assert.That(info.Required, Is.Empty);
        Assert.That(info.Optional, Is.Empty);
    }

    [Test]
    public void Verbatim_identifier_is_listed_by_its_value()
    {
        Assert.That(RuleExpressionCompiler.Analyze("@class + 1").Required, Is.EqualTo(new[] { "class" }));
    }

    [Test]
    public void Dotted_name_is_listed_whole_and_named_argument_labels_are_not_reads()
    {
        var info = RuleExpressionCompiler.Analyze("unit.size + Max(x: a, 1)");
        Assert.That(info.Required, Is.EqualTo(new[] { "unit.size", "a" }));
    }

    [TestCase("a +")]
    [TestCase("((((")]
    [TestCase("")]
    public void Broken_input_returns_what_it_can_without_throwing(string source)
    {
        var info = RuleExpressionCompiler.Analyze(source);
        Assert.That(info.Optional, Is.Empty);
        Assert.That(info.Required, Is.SubsetOf(new[] { "a" }));
    }

    [Test]
    public void Analyze_matches_what_translate_resolves()
    {
        const string source = "If(cyberDrillHeld, 10, 0) + (bonus ?? 0)";
        var info = RuleExpressionCompiler.Analyze(source);
        Assert.That(info.Required, Is.EqualTo(new[] { "cyberDrillHeld" }));
        Assert.That(info.Optional, Is.EqualTo(new[] { "bonus" }));
        var scope = new TestScope(NumericMode.Decimal).Boolean("cyberDrillHeld", true).Number("bonus", 2m).Optional("bonus", present: true);
        Assert.That(Eval.Number(source, scope), Is.EqualTo(12m));
    }
}
