using System.Globalization;

namespace Scoring.Host.Pipeline;

/// <summary>Orders rule-set versions ("1.2.0" &lt; "1.10.0"; a pre-release "2.0.0-rc1" &lt; "2.0.0").</summary>
internal sealed class SemanticVersion : IComparer<string>
{
    public static readonly SemanticVersion Comparer = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var (xCore, xPre) = Split(x);
        var (yCore, yPre) = Split(y);
        for (var i = 0; i < Math.Max(xCore.Length, yCore.Length); i++)
        {
            var a = i < xCore.Length ? xCore[i] : 0;
            var b = i < yCore.Length ? yCore[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        if (xPre.Length == 0 || yPre.Length == 0)
        {
            return yPre.Length.CompareTo(xPre.Length) switch { 0 => 0, var c => Math.Sign(c) };
        }

        return string.CompareOrdinal(xPre, yPre);
    }

    private static (long[] Core, string Pre) Split(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var text = plus >= 0 ? version[..plus] : version;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var pre = dash >= 0 ? text[(dash + 1)..] : string.Empty;
        var core = (dash >= 0 ? text[..dash] : text).Split('.')
            .Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .ToArray();
        return (core, pre);
    }
}
