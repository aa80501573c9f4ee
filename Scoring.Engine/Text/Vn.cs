using System.Globalization;
using NodaTime;

namespace Scoring.Engine.Text;

/// <summary>
/// Number and date formatting. <see cref="Number"/> is Vietnamese style for reasons (1.200,5); <see cref="Invariant"/> is
/// for machine-readable values. Hand-written so that results never depend on the machine's ICU data.
/// </summary>
/// <remarks>
/// Numbers are formatted straight from the decimal's bits (mantissa and scale, trailing zeros dropped), with no
/// intermediate strings: reasons print several numbers per criterion and unit, so this is on the hot path of
/// <see cref="ScoringEngine.Score"/>. The text is that of <c>Normalize(value).ToString(InvariantCulture)</c>, which
/// the equivalence tests check against the reference implementation.
/// </remarks>
internal static class Vn
{
    // 29 digits, a sign, a point and 9 group separators fit easily.
    private const int MaxChars = 48;

    /// <summary>The decimal without trailing zeros, invariant ("7.5", "1200").</summary>
    public static string Invariant(decimal value)
    {
        Span<char> buffer = stackalloc char[MaxChars];
        return new string(buffer[..WriteInvariant(value, buffer)]);
    }

    /// <summary>Vietnamese style: comma decimal separator, dot thousands separator ("1.200,5").</summary>
    public static string Number(decimal value)
    {
        Span<char> buffer = stackalloc char[MaxChars];
        return new string(buffer[..WriteNumber(value, buffer)]);
    }

    /// <summary>
    /// A ratio as a percentage with at most two decimals ("87,5%"). A ratio too large to multiply by 100 within decimal's
    /// range is written as "N lần" (N times) instead of failing the group's scoring.
    /// </summary>
    public static string Percent(decimal ratio)
    {
        if (Math.Abs(ratio) > decimal.MaxValue / 100m)
        {
            return Number(Math.Round(ratio, 2, MidpointRounding.AwayFromZero)) + " lần";
        }

        Span<char> buffer = stackalloc char[MaxChars];
        var n = WriteNumber(Math.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero), buffer);
        buffer[n] = '%';
        return new string(buffer[..(n + 1)]);
    }

    /// <summary>"12/11/2025".</summary>
    public static string Date(LocalDate date) => date.ToString("dd/MM/uuuu", CultureInfo.InvariantCulture);

    /// <summary>"2025-11-12".</summary>
    public static string IsoDate(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"13/15 điểm".</summary>
    public static string Points(decimal points, decimal max) => string.Concat(Number(points), "/", Number(max), " điểm");

    /// <summary>Removes trailing zeros (7.50 → 7.5) without changing the value.</summary>
    public static decimal Normalize(decimal value)
    {
        var (mantissa, scale, negative) = Strip(value);
        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), negative, (byte)scale);
    }

    /// <summary>Writes <see cref="Number"/>'s text into <paramref name="destination"/> (at least 48 chars); returns its length.</summary>
    public static int WriteNumber(decimal value, Span<char> destination)
    {
        var (mantissa, scale, negative) = Strip(value);
        Span<char> digits = stackalloc char[32];
        var count = Digits(mantissa, digits);
        var integerDigits = Math.Max(count - scale, 1);
        var n = 0;
        if (negative && mantissa != 0)
        {
            destination[n++] = '-';
        }
        // Leading zeros of a number below 1 ("0,05") come from padding the digits on the left.
        var padded = Math.Max(count, scale + 1);
        for (var i = 0; i < integerDigits; i++)
        {
            if (i > 0 && (integerDigits - i) % 3 == 0)
            {
                destination[n++] = '.';
            }
            destination[n++] = DigitAt(digits, count, padded, i);
        }
        if (scale > 0)
        {
            destination[n++] = ',';
            for (var i = integerDigits; i < padded; i++)
            {
                destination[n++] = DigitAt(digits, count, padded, i);
            }
        }
        return n;
    }

    private static int WriteInvariant(decimal value, Span<char> destination)
    {
        var (mantissa, scale, negative) = Strip(value);
        Span<char> digits = stackalloc char[32];
        var count = Digits(mantissa, digits);
        var padded = Math.Max(count, scale + 1);
        var integerDigits = padded - scale;
        var n = 0;
        if (negative && mantissa != 0)
        {
            destination[n++] = '-';
        }
        for (var i = 0; i < padded; i++)
        {
            if (i == integerDigits)
            {
                destination[n++] = '.';
            }
            destination[n++] = DigitAt(digits, count, padded, i);
        }
        return n;
    }

    private static char DigitAt(ReadOnlySpan<char> digits, int count, int padded, int i) =>
        i < padded - count ? '0' : digits[i - (padded - count)];

    /// <summary>Mantissa and scale without trailing zeros, and the sign bit (kept on a zero by Normalize, never printed).</summary>
    private static (UInt128 Mantissa, int Scale, bool Negative) Strip(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        if (bits[2] == 0)
        {
            var small = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            if (small == 0)
            {
                return (0, 0, negative);
            }
            while (scale > 0 && small % 10 == 0)
            {
                small /= 10;
                scale--;
            }
            return (small, scale, negative);
        }
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }
        return (mantissa, scale, negative);
    }

    private static int Digits(UInt128 mantissa, Span<char> digits)
    {
        if (mantissa <= ulong.MaxValue)
        {
            ((ulong)mantissa).TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
            return written;
        }
        mantissa.TryFormat(digits, out var wide, default, CultureInfo.InvariantCulture);
        return wide;
    }
}
