using System.Globalization;
using System.Text;
using Scoring.Engine.Results;
using Scoring.Engine.Text;

namespace Scoring.Host.Export;

/// <summary>Number and rank text: invariant for machines (csv), Vietnamese style for people (table, card).</summary>
internal static class Numbers
{
    /// <summary>Without trailing zeros, dot decimal separator: "85.5", "100".</summary>
    public static string Invariant(decimal value) =>
        (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>Vietnamese style (the one formatter, <see cref="VnFormat"/>): comma decimal separator, dot between thousands: "85,5", "1.200".</summary>
    public static string Vn(decimal value) => VnFormat.Number(value);

    /// <summary>Vietnamese style padded to <paramref name="decimals"/> fractional digits, so a column of totals lines up on the comma: "77,30" above "78,45".</summary>
    public static string Vn(decimal value, int decimals)
    {
        var text = Vn(value);
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var have = comma < 0 ? 0 : text.Length - comma - 1;
        return have >= decimals ? text : text + (comma < 0 ? "," : string.Empty) + new string('0', decimals - have);
    }

    /// <summary>How many fractional digits the value has once trailing zeros are dropped: 77.30 → 1, 100 → 0.</summary>
    public static int Decimals(decimal value)
    {
        var text = Invariant(value);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }

    /// <summary>"1", or "2=" when the unit shares its rank.</summary>
    public static string Rank(UnitScore unit) => unit.Tied ? $"{unit.Rank}=" : unit.Rank.ToString(CultureInfo.InvariantCulture);
}
