using System.Collections.Immutable;

namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// Points per unit × criterion, exact decimals rounded to the rule set's precision, stored as scaled integers
/// (points · 10^precision) held in doubles, which is exact up to 2^53; larger values are kept as decimals aside.
/// </summary>
internal sealed class PointsTable
{
    /// <summary>Largest scaled value held exactly (2^53).</summary>
    internal const double MaxExact = 9_007_199_254_740_992.0;

    private readonly Dictionary<int, decimal> _large = [];
    private int[]? _flagged;
    private Dictionary<ExactCacheKey, decimal>?[]? _caches;

    internal PointsTable(ImmutableArray<string> criterionIds, int unitCount, int precision)
    {
        CriterionIds = criterionIds;
        UnitCount = unitCount;
        Precision = precision;
        Scaled = new double[unitCount * criterionIds.Length];
    }

    public ImmutableArray<string> CriterionIds { get; }

    public int UnitCount { get; }

    public int Precision { get; }

    /// <summary>How many unit × criterion cells were computed by the exact decimal path.</summary>
    public int ExactCells { get; internal set; }

    /// <summary>How many units had at least one cell computed by the exact decimal path.</summary>
    public int ExactUnits { get; internal set; }

    internal double[] Scaled { get; }

    /// <summary>Scratch list of the cells the kernel flagged (room for all), kept to avoid an allocation per scoring.</summary>
    internal int[] FlaggedBuffer => _flagged ??= new int[Scaled.Length];

    /// <summary>Per-criterion caches of exact results for one scoring; cleared, not reallocated, on reuse.</summary>
    internal Dictionary<ExactCacheKey, decimal>?[] ExactCaches => _caches ??= new Dictionary<ExactCacheKey, decimal>?[CriterionIds.Length];

    internal void Reset()
    {
        _large.Clear();
        if (_caches is not null)
        {
            foreach (var cache in _caches)
            {
                cache?.Clear();
            }
        }
        ExactCells = 0;
        ExactUnits = 0;
    }

    public decimal this[int unit, int criterion]
    {
        get
        {
            var i = unit * CriterionIds.Length + criterion;
            var x = Scaled[i];
            if (double.IsNaN(x))
            {
                return _large[i];
            }
            var n = (long)x;
            var magnitude = n < 0 ? (ulong)-n : (ulong)n;
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, n < 0, (byte)Precision);
        }
    }

    /// <summary>The decimal n · 10^-precision (n a whole number of scaled points).</summary>
    internal static decimal FromScaled(long scaled, int precision)
    {
        var magnitude = scaled < 0 ? (ulong)-scaled : (ulong)scaled;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, scaled < 0, (byte)precision);
    }

    /// <summary>The sum of a unit's points.</summary>
    public decimal Total(int unit)
    {
        var total = 0m;
        for (var c = 0; c < CriterionIds.Length; c++)
        {
            total += this[unit, c];
        }
        return total;
    }

    internal void SetExact(int unit, int criterion, decimal points)
    {
        var i = unit * CriterionIds.Length + criterion;
        if (ToScaled(points, Precision) is { } n && Math.Abs(n) <= (long)MaxExact)
        {
            Scaled[i] = n;
            if (_large.Count > 0)
            {
                _large.Remove(i);
            }
        }
        else
        {
            Scaled[i] = double.NaN;
            _large[i] = points;
        }
    }

    /// <summary>points · 10^precision as a long, or null when it does not fit (or has more digits than the precision).</summary>
    internal static long? ToScaled(decimal points, int precision)
    {
        // Straight from the bits: mantissa · 10^(precision − scale), no decimal arithmetic.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(points, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        while (scale > precision)
        {
            if (mantissa % 10 != 0)
            {
                return null;
            }
            mantissa /= 10;
            scale--;
        }
        for (; scale < precision; scale++)
        {
            mantissa *= 10;
            if (mantissa > long.MaxValue)
            {
                return null;
            }
        }
        if (mantissa > long.MaxValue)
        {
            return null;
        }
        return bits[3] < 0 ? -(long)mantissa : (long)mantissa;
    }
}
