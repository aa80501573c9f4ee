using NodaTime;
using Scoring.Engine.Results;

namespace Scoring.Host.Tests.Pages;

/// <summary>How numbers and the values a criterion used read on a unit's card: the one vi-VN formatter (dot thousands, decimal comma).</summary>
public sealed class DisplayTests
{
    [TestCase(null, "number", "(chưa có)")]
    [TestCase("1", "boolean", "có")]
    [TestCase("0", "boolean", "không")]
    [TestCase("0.823", "number", "0,823")]
    [TestCase("12500.5", "number", "12.500,5")]
    [TestCase("17.5", "percent", "17,5%")]
    [TestCase("-3", "number", "-3")]
    [TestCase("90", "count", "90")]
    public void Value_ReadsAsVietnameseReadersWriteIt_WithoutLosingDigits(string? reported, string type, string expected) =>
        Assert.That(Display.Value(new UsedValue("x", "X", reported is null ? null : decimal.Parse(reported, System.Globalization.CultureInfo.InvariantCulture), null, type)), Is.EqualTo(expected));

    [Test]
    public void A_date_reads_day_first() =>
        Assert.That(Display.Value(new UsedValue("d", "Ngày", null, new LocalDate(2025, 7, 20), "date")), Is.EqualTo("20/07/2025"));

    [TestCase("1200.5", "1.200,5")]
    [TestCase("1234567.891", "1.234.567,89")]
    [TestCase("0.5", "0,5")]
    public void Numbers_use_the_same_convention_as_the_exports(string value, string expected)
    {
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Display.Number(number), Is.EqualTo(expected));
        Assert.That(Scoring.Host.Export.Numbers.Vn(Math.Round(number, 2)), Is.EqualTo(expected));
    }
}
