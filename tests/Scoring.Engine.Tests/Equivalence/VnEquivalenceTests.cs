using System.Globalization;
using Scoring.Engine.Evaluation.Reference;
using Scoring.Engine.Text;

namespace Scoring.Engine.Tests.Equivalence;

/// <summary>The bit-level number formatting against the reference (divide by 1.000…, ToString, then regroup).</summary>
public sealed class VnEquivalenceTests
{
    private static IEnumerable<decimal> Values()
    {
        decimal[] fixedValues =
        [
            0m, 0.00m, -0m, -0.000m, 1m, -1m, 10m, 100m, 1000m, 1200m, 1200.50m, 0.05m, 0.5000m, -0.001m, 7.50m, 20.00m,
            decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -0.0000000000000000000000000001m,
            1m / 3m, 2m / 3m, -1m / 7m, 79228162514264337593543950.335m, 1000000000000000000000000000m, 123456789012345678901234567.8m,
            12345678901234567890m, 18446744073709551615m, 18446744073709551616m, 18446744073709551610.0m,
        ];
        foreach (var v in fixedValues)
        {
            yield return v;
        }
        var random = new Random(42);
        for (var i = 0; i < 100_000; i++)
        {
            var scale = (byte)random.Next(0, 29);
            var hi = random.Next(4) switch { 0 => random.Next(), 1 => random.Next(0, 3), _ => 0 };
            var mid = random.Next(3) == 0 ? 0 : random.Next();
            var lo = random.Next(5) == 0 ? random.Next(0, 1000) * 10 : random.Next();
            yield return new decimal(lo, mid, hi, random.Next(2) == 0, scale);
            // Whole numbers and short decimals with trailing zeros in the scale, as inputs and points are.
            yield return new decimal(random.Next(0, 100000) * 1000, 0, 0, random.Next(6) == 0, (byte)random.Next(0, 8));
            // Quotients like the engine's ratios.
            yield return random.Next(1, 100000) / (decimal)random.Next(1, 100000);
        }
    }

    [Test]
    public void Number_Invariant_Percent_and_Normalize_equal_the_reference()
    {
        var checkedValues = 0;
        foreach (var value in Values())
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            Assert.That(Vn.Invariant(value), Is.EqualTo(ReferenceVn.Invariant(value)), text);
            Assert.That(Vn.Number(value), Is.EqualTo(ReferenceVn.Number(value)), text);
            Assert.That(decimal.GetBits(Vn.Normalize(value)), Is.EqualTo(decimal.GetBits(ReferenceVn.Normalize(value))), text);
            if (Math.Abs(value) < 1e20m)
            {
                Assert.That(Vn.Percent(value), Is.EqualTo(ReferenceVn.Percent(value)), text);
            }
            checkedValues++;
        }
        Assert.That(checkedValues, Is.GreaterThan(300_000));
    }

    [Test]
    public void Points_equals_the_reference()
    {
        Assert.That(Vn.Points(13.50m, 15.0m), Is.EqualTo(ReferenceVn.Points(13.50m, 15.0m)).And.EqualTo("13,5/15 điểm"));
        Assert.That(Vn.Points(0m, 1200m), Is.EqualTo(ReferenceVn.Points(0m, 1200m)).And.EqualTo("0/1.200 điểm"));
    }
}
