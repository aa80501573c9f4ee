using Scoring.Rules.Expressions;

namespace Scoring.Rules.Tests.Expressions;

[TestFixture]
public sealed class LiteralsTests
{
    [Test]
    public void Decimal_literal_is_exact_so_the_80_percent_threshold_holds()
    {
        // 94.8 / 118.5 is exactly 0.8; as doubles 0.8 would be 0.8000000000000000444 and the division may land below it.
        Assert.That(Eval.Boolean("94.8 / 118.5 >= 0.8"), Is.True);
        Assert.That(Eval.Boolean("staffTrained / staffTotal >= 0.8"), Is.True);
        Assert.That(Eval.Boolean("staffTrained / staffTotal == 0.8m"), Is.True);
    }

    [Test]
    public void Sum_of_tenths_is_exact()
    {
        Assert.That(Eval.Boolean("0.1 + 0.2 == 0.3"), Is.True);
    }

    [TestCase("0.8", 0.8)]
    [TestCase("0.8m", 0.8)]
    [TestCase("0.8M", 0.8)]
    [TestCase("80", 80)]
    [TestCase(".5", 0.5)]
    [TestCase("1_000", 1000)]
    [TestCase("1e3", 1000)]
    [TestCase("2.5E-2", 0.025)]
    [TestCase("12.50", 12.5)]
    public void Number_literal_is_read_from_its_text(string source, decimal expected)
    {
        Assert.That(Eval.Number(source), Is.EqualTo(expected));
    }

    [Test]
    public void Huge_integer_literal_keeps_every_digit()
    {
        Assert.That(Eval.Number("79228162514264337593543950335 - 79228162514264337593543950334"), Is.EqualTo(1m));
        Assert.That(Eval.Number("12345678901234567890123"), Is.EqualTo(12345678901234567890123m));
        Assert.That(Eval.Number("79228162514264337593543950335"), Is.EqualTo(decimal.MaxValue));
    }

    [TestCase("0.8f", "'f'")]
    [TestCase("0.8d", "'d'")]
    [TestCase("80L", "'L'")]
    [TestCase("80u", "'u'")]
    [TestCase("80UL", "'UL'")]
    public void Number_suffixes_other_than_m_are_errors(string source, string suffix)
    {
        var errors = Eval.Errors("1 + " + source);
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Does.Contain($"Hậu tố số {suffix} không được phép"));
        Assert.That(errors[0].Column, Is.EqualTo(5));
        Assert.That(errors[0].Length, Is.EqualTo(source.Length));
    }

    [TestCase("0x10")]
    [TestCase("0b101")]
    public void Hex_and_binary_literals_are_errors(string source)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors[0].Message, Does.Contain($"Số '{source}' không hợp lệ"));
    }

    [TestCase("79228162514264337593543950336")]
    [TestCase("1e29")]
    [TestCase("1e400")]
    public void Numbers_beyond_decimal_are_errors(string source)
    {
        var errors = Eval.Errors(source);
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Is.EqualTo($"Số '{source}' quá lớn."));
        Assert.That(errors[0].Column, Is.EqualTo(1));
    }

    [Test]
    public void Negative_literal_is_a_single_constant()
    {
        var translation = Eval.Translate("-2.5", Eval.Scope(), ValueKind.Number);
        Assert.That(translation.Body, Is.InstanceOf<System.Linq.Expressions.ConstantExpression>());
        Assert.That(Eval.Run<decimal>(translation), Is.EqualTo(-2.5m));
        Assert.That(Eval.Number("- -2.5"), Is.EqualTo(2.5m));
        Assert.That(Eval.Double("-2.5"), Is.EqualTo(-2.5d));
    }

    [Test]
    public void True_and_false_are_booleans()
    {
        Assert.That(Eval.Boolean("true"), Is.True);
        Assert.That(Eval.Boolean("false || !false"), Is.True);
    }

    [Test]
    public void Integers_are_promoted_to_the_mode_number_type()
    {
        var translation = Eval.Translate("1 + 2", Eval.Scope(), ValueKind.Number);
        Assert.That(translation.Body!.Type, Is.EqualTo(typeof(decimal)));
        var doubleTranslation = Eval.Translate("1 + 2", Eval.Scope(NumericMode.Double), ValueKind.Number);
        Assert.That(doubleTranslation.Body!.Type, Is.EqualTo(typeof(double)));
    }
}
