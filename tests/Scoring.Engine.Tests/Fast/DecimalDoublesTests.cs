using Scoring.Engine.Evaluation.Fast;

namespace Scoring.Engine.Tests.Fast;

public sealed class DecimalDoublesTests
{
    [TestCase("94.8", 94.8, true)]
    [TestCase("0.0001", 0.0001, true)]
    [TestCase("-118.50", -118.5, true)]
    [TestCase("123456789012345", 123456789012345.0, true)]
    [TestCase("1234567890123456", 1234567890123456.0, false)]
    [TestCase("0.1234567890123456789", 0.1234567890123456789, false)]
    [TestCase("79228162514264337593543950335", 79228162514264337593543950335.0, false)]
    public void Converts_to_the_nearest_double_and_tells_short_values(string text, double expected, bool isShort)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var d = DecimalDoubles.ToDouble(value, out var actualShort);

        Assert.That(d, Is.EqualTo(expected));
        Assert.That(actualShort, Is.EqualTo(isShort));
    }

    [Test]
    public void Matches_the_runtime_parser_on_many_short_values()
    {
        var random = new Random(42);
        for (var i = 0; i < 20_000; i++)
        {
            var value = new decimal(random.NextInt64(0, 999_999_999_999_999)) / (decimal)Math.Pow(10, random.Next(0, 20));
            var expected = double.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

            Assert.That(DecimalDoubles.ToDouble(value, out _), Is.EqualTo(expected), value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
