using Scoring.Engine.Evaluation.Fast;

namespace Scoring.Engine.Tests.Fast;

public sealed class FastGuardsTests
{
    [Test]
    public void Constant_tolerance_fires_whenever_the_general_guard_does()
    {
        var random = new Random(7);
        var checkedNear = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var b = Math.Round(random.NextDouble() * 200 - 100, random.Next(0, 6));
            // a within a few tolerances of b, so both outcomes of Near occur.
            var a = b + (random.NextDouble() - 0.5) * 8 * (FastGuards.Relative * Math.Abs(b) + FastGuards.Absolute);
            if (FastGuards.Near(a, b))
            {
                checkedNear++;
                Assert.That(FastGuards.NearConstant(a, b, FastGuards.ToleranceFor(b)), Is.True, $"a={a:R}, b={b:R}");
            }
        }
        Assert.That(checkedNear, Is.GreaterThan(10_000));
    }

    [TestCase(double.NaN, 1.0)]
    [TestCase(double.PositiveInfinity, 1.0)]
    [TestCase(0.7000000000000001, 0.7)]
    [TestCase(0.7999999999999999, 0.8)]
    public void Guards_fire_on_ties_and_on_non_finite_values(double a, double b)
    {
        Assert.That(FastGuards.Near(a, b), Is.True);
        Assert.That(FastGuards.NearConstant(a, b, FastGuards.ToleranceFor(b)), Is.True);
    }

    [TestCase(0.69, 0.7)]
    [TestCase(0.8000001, 0.8)]
    public void Guards_stay_quiet_when_values_are_clearly_apart(double a, double b)
    {
        Assert.That(FastGuards.Near(a, b), Is.False);
        Assert.That(FastGuards.NearConstant(a, b, FastGuards.ToleranceFor(b)), Is.False);
    }

    [TestCase(12345.5, false)]
    [TestCase(12345.4999999999, false)]
    [TestCase(12345.4, true)]
    [TestCase(double.NaN, false)]
    public void Rounding_guard_accepts_only_values_clearly_off_a_midpoint(double s, bool off)
    {
        Assert.That(FastGuards.OffMidpointWithin(s, Math.Round(s), FastGuards.MidpointTolerance(100_000)), Is.EqualTo(off));
    }
}
