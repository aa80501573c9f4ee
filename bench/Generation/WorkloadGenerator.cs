using System.Globalization;

namespace Scoring.Bench.Generation;

/// <summary>
/// A port of /work/shared/bench-workload/gen.cs: the same SplitMix64 stream and the same draws in the same
/// order, so a seed gives the same units as the original script, without running it.
/// </summary>
public static class WorkloadGenerator
{
    public static WorkloadData Generate(Workload workload, int units, ulong seed)
    {
        var indicators = workload.Indicators;
        var k = indicators.Length;
        var index = indicators.Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i);
        var doubles = new double[units * k];
        var decimals = new decimal[units * k];
        var state = seed;
        double U()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
        for (var u = 0; u < units; u++)
        {
            var row = u * k;
            var m = U();
            for (var j = 0; j < k; j++)
            {
                var ind = indicators[j];
                double v;
                switch (ind.Type)
                {
                    case "number":
                    {
                        double w = ind.MaturityWeight, mm = w >= 0 ? m : 1 - m, aw = Math.Abs(w);
                        var t = Math.Clamp(aw * mm + (1 - aw) * U(), 0, 1);
                        double lo = ind.Min, hi = ind.Max;
                        if (ind.FractionOf is { } of)
                            v = doubles[row + index[of]] * (lo + (hi - lo) * t);
                        else if (ind.Log)
                            v = Math.Exp(Math.Log(lo) + (Math.Log(hi) - Math.Log(lo)) * t);
                        else
                            v = lo + (hi - lo) * t;
                        v = Math.Round(v, ind.Decimals, MidpointRounding.AwayFromZero);
                        decimals[row + j] = ShortestDecimal(v, ind.Decimals);
                        break;
                    }
                    case "boolean":
                        v = U() < ind.PAtMaturity0 + (ind.PAtMaturity1 - ind.PAtMaturity0) * m ? 1 : 0;
                        decimals[row + j] = (decimal)v;
                        break;
                    case "dayOfYear":
                    {
                        var t = Math.Clamp(0.5 * (1 - m) + 0.5 * U(), 0, 1);
                        v = Math.Clamp((int)Math.Round(ind.Early + (ind.Late - ind.Early) * t), 1, 365);
                        decimals[row + j] = (decimal)v;
                        break;
                    }
                    default:
                        throw new InvalidDataException($"Unknown indicator type '{ind.Type}' for '{ind.Name}'.");
                }
                doubles[row + j] = v;
            }
        }
        return new WorkloadData(indicators, units, doubles, decimals);
    }

    /// <summary>
    /// The decimal of v's shortest round-trip text, v having been rounded to <paramref name="digits"/> decimals.
    /// When k / 10^digits (one correctly rounded division) gives v back, v is the double nearest to that decimal,
    /// and a decimal of at most 15 significant digits is the shortest text of its double; otherwise parse the text.
    /// </summary>
    private static decimal ShortestDecimal(double v, int digits)
    {
        var pow = Math.Pow(10, digits);
        var k = Math.Round(v * pow);
        if (Math.Abs(k) < 1e15 && k / pow == v)
        {
            return new decimal((long)k) / (decimal)pow;
        }
        return decimal.Parse(v.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
