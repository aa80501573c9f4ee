using System.Globalization;
using System.Text;
using NodaTime;

namespace Scoring.Engine.Evaluation.Reference;

/// <summary>
/// Number and date formatting. <see cref="Number"/> is Vietnamese style for reasons (1.200,5); <see cref="Invariant"/> is
/// for machine-readable values. Hand-written so that results never depend on the machine's ICU data.
/// </summary>
internal static class ReferenceVn
{
    /// <summary>The decimal without trailing zeros, invariant ("7.5", "1200").</summary>
    public static string Invariant(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>Vietnamese style: comma decimal separator, dot thousands separator ("1.200,5").</summary>
    public static string Number(decimal value)
    {
        var text = Invariant(value);
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }
        var dot = text.IndexOf('.');
        var integer = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }
        for (var i = 0; i < integer.Length; i++)
        {
            if (i > 0 && (integer.Length - i) % 3 == 0)
            {
                builder.Append('.');
            }
            builder.Append(integer[i]);
        }
        if (fraction.Length > 0)
        {
            builder.Append(',').Append(fraction);
        }
        return builder.ToString();
    }

    /// <summary>A ratio as a percentage with at most two decimals ("87,5%").</summary>
    public static string Percent(decimal ratio) => Number(Math.Round(ratio * 100m, 2, MidpointRounding.AwayFromZero)) + "%";

    /// <summary>"12/11/2025".</summary>
    public static string Date(LocalDate date) => date.ToString("dd/MM/uuuu", CultureInfo.InvariantCulture);

    /// <summary>"2025-11-12".</summary>
    public static string IsoDate(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"13/15 điểm".</summary>
    public static string Points(decimal points, decimal max) => $"{Number(points)}/{Number(max)} điểm";

    /// <summary>Removes trailing zeros (7.50 → 7.5) without changing the value.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
