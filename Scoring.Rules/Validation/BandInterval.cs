using System.Globalization;
using Scoring.Rules.Model;

namespace Scoring.Rules.Validation;

/// <summary>
/// An interval of decimals with open or closed ends; a null end is infinite. Used to find band rows that are
/// unreachable, overlapping or leave gaps.
/// </summary>
internal readonly record struct BandInterval(decimal? Low, bool LowClosed, decimal? High, bool HighClosed)
{
    public static BandInterval All => new(null, false, null, false);

    public static BandInterval Of(BandRow row) =>
        new(row.AtLeast ?? row.Above, row.AtLeast is not null, row.AtMost ?? row.Below, row.AtMost is not null);

    public bool IsEmpty => Low is { } l && High is { } h && (l > h || (l == h && !(LowClosed && HighClosed)));

    public BandInterval Intersect(BandInterval other)
    {
        var (low, lowClosed) = (Low, LowClosed);
        if (other.Low is { } ol && (low is not { } l || ol > l || (ol == l && !other.LowClosed)))
        {
            (low, lowClosed) = (ol, other.LowClosed);
        }
        var (high, highClosed) = (High, HighClosed);
        if (other.High is { } oh && (high is not { } h || oh < h || (oh == h && !other.HighClosed)))
        {
            (high, highClosed) = (oh, other.HighClosed);
        }
        return new BandInterval(low, lowClosed, high, highClosed);
    }

    public bool Overlaps(BandInterval other) => !Intersect(other).IsEmpty;

    /// <summary>This interval minus <paramref name="other"/>: zero, one or two pieces.</summary>
    public IEnumerable<BandInterval> Subtract(BandInterval other)
    {
        if (!Overlaps(other))
        {
            yield return this;
            yield break;
        }
        if (other.Low is { } low)
        {
            var left = Intersect(new BandInterval(null, false, low, !other.LowClosed));
            if (!left.IsEmpty)
            {
                yield return left;
            }
        }
        if (other.High is { } high)
        {
            var right = Intersect(new BandInterval(high, !other.HighClosed, null, false));
            if (!right.IsEmpty)
            {
                yield return right;
            }
        }
    }

    /// <summary>What is left of this interval once every interval of <paramref name="others"/> is removed.</summary>
    public List<BandInterval> SubtractAll(IEnumerable<BandInterval> others)
    {
        var rest = new List<BandInterval> { this };
        foreach (var other in others)
        {
            rest = [.. rest.SelectMany(r => r.Subtract(other))];
        }
        return rest;
    }

    /// <summary>True when the interval holds at least one whole number (for count indicators).</summary>
    public bool ContainsInteger()
    {
        if (IsEmpty)
        {
            return false;
        }
        if (Low is not { } low)
        {
            return true;
        }
        var first = decimal.Ceiling(low);
        if (first == low && !LowClosed)
        {
            first += 1;
        }
        return High is not { } high || first < high || (first == high && HighClosed);
    }

    public override string ToString()
    {
        static string F(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        if (Low is { } l && High is { } h && l == h)
        {
            return $"= {F(l)}";
        }
        var low = Low is { } lo ? (LowClosed ? "[" : "(") + F(lo) : "(−∞";
        var high = High is { } hi ? F(hi) + (HighClosed ? "]" : ")") : "+∞)";
        return $"{low}, {high}";
    }
}
