using System.Globalization;
using NodaTime;

namespace Scoring.Engine.Text;

/// <summary>
/// The one Vietnamese (vi-VN) formatter for what people read: dot thousands separator, comma decimal separator
/// ("1.200,5"), percentages ("22,59%"), dates ("12/11/2025"). The engine's explanations, the exports and the pages all
/// use it, so a number reads the same everywhere. Hand-written, so the text never depends on the machine's ICU data.
/// </summary>
public static class VnFormat
{
    /// <summary>"1.200,5": the exact value, trailing zeros dropped.</summary>
    public static string Number(decimal value) => Vn.Number(value);

    /// <summary>The value rounded to <paramref name="decimals"/> (half away from zero), trailing zeros dropped: "4,52".</summary>
    public static string Number(decimal value, int decimals) => Vn.Number(Math.Round(value, decimals, MidpointRounding.AwayFromZero));

    /// <summary>A whole number: "3.400".</summary>
    public static string Integer(long value) => Vn.Number(value);

    /// <summary>
    /// A rate as a percentage rounded to <paramref name="decimals"/> (half away from zero): 0.22594 → "22,59%". A rate too
    /// large to multiply by 100 within decimal's range is written "N lần" (N times).
    /// </summary>
    public static string Percent(decimal ratio, int decimals = 2)
    {
        if (Math.Abs(ratio) > decimal.MaxValue / 100m)
        {
            return Vn.Number(Math.Round(ratio, decimals, MidpointRounding.AwayFromZero)) + " lần";
        }
        return Vn.Number(Math.Round(ratio * 100m, decimals, MidpointRounding.AwayFromZero)) + "%";
    }

    /// <summary>"12/11/2025".</summary>
    public static string Date(LocalDate date) => date.ToString("dd/MM/uuuu", CultureInfo.InvariantCulture);

    /// <summary>"12/11/2025 08:05".</summary>
    public static string DateTime(LocalDateTime value) => value.ToString("dd/MM/uuuu HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"13/15 điểm".</summary>
    public static string Points(decimal points, decimal max) => string.Concat(Vn.Number(points), "/", Vn.Number(max), " điểm");
}
