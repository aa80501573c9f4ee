using NodaTime;
using Scoring.Engine.Text;

namespace Scoring.Engine.Tests.Evaluation;

public sealed class VnTests
{
    [TestCase("0.812", "0,812")]
    [TestCase("1200", "1.200")]
    [TestCase("1234567.5", "1.234.567,5")]
    [TestCase("7.50", "7,5")]
    [TestCase("-1500.25", "-1.500,25")]
    [TestCase("100", "100")]
    [TestCase("0", "0")]
    public void Number_VietnameseStyle(string invariant, string expected)
    {
        Assert.That(Vn.Number(decimal.Parse(invariant, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));
    }

    [Test]
    public void Invariant_DropsTrailingZeros()
    {
        Assert.That(Vn.Invariant(7.500m), Is.EqualTo("7.5"));
        Assert.That(Vn.Invariant(20.00m), Is.EqualTo("20"));
    }

    [Test]
    public void DatesAndPoints()
    {
        Assert.That(Vn.Date(new LocalDate(2025, 11, 2)), Is.EqualTo("02/11/2025"));
        Assert.That(Vn.Points(13m, 15m), Is.EqualTo("13/15 điểm"));
        Assert.That(Vn.Percent(0.875m), Is.EqualTo("87,5%"));
    }
}
