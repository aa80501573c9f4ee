namespace Scoring.Engine.Evaluation.Fast;

/// <summary>
/// Correctly rounded decimal → double conversion, and whether the decimal has at most 15 significant digits.
/// Such decimals map to distinct doubles in the same order (DBL_DIG = 15), which is what lets the fast path
/// compare an input with a constant in double without a guard.
/// </summary>
internal static class DecimalDoubles
{
    private const ulong MaxShortMantissa = 999_999_999_999_999; // 15 digits

    private static readonly double[] PowersOfTen = [.. Enumerable.Range(0, 23).Select(i => Math.Pow(10, i))];

    /// <summary>The double nearest to <paramref name="value"/>; <paramref name="isShort"/> when it has ≤ 15 significant digits.</summary>
    public static double ToDouble(decimal value, out bool isShort)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        if (bits[2] == 0 && bits[1] == 0 && scale == 0)
        {
            // A whole number below 2^32 (counts, booleans): at most 10 digits, exact in double.
            isShort = true;
            var whole = (double)(uint)bits[0];
            return negative ? -whole : whole;
        }
        if (bits[2] == 0)
        {
            // A 64-bit mantissa (every value a person types): the same steps in ulong, whose division by the constant
            // 10 compiles to a multiplication, where UInt128's is a call.
            var small = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            while (scale > 0 && small % 10 == 0)
            {
                small /= 10;
                scale--;
            }
            isShort = small <= MaxShortMantissa;
            if (isShort && scale < PowersOfTen.Length)
            {
                var d = (double)small / PowersOfTen[scale];
                return negative ? -d : d;
            }
            return double.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        }
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }
        isShort = mantissa <= MaxShortMantissa;
        if (isShort && scale < PowersOfTen.Length)
        {
            // Both operands are exact doubles, so the one IEEE division is the correctly rounded quotient.
            var d = (double)(ulong)mantissa / PowersOfTen[scale];
            return negative ? -d : d;
        }
        return double.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
    }
}
