using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scoring.Host.RuleSetExcel;

/// <summary>
/// Band tables as the provinces write them in the "Cách chấm" column, and back: "Từ 90% trở lên: 10 điểm; từ 70% đến
/// dưới 90%: 7 điểm; còn lại: 0 điểm". Numbers are Vietnamese (decimal comma, dot thousands; a dot alone before other
/// than three digits is read as a decimal point); "%" is decoration (percent indicators are 0–100); a label in «…».
/// </summary>
internal static partial class BandText
{
    /// <summary>The band rows (JSON objects of the rule-set format) as one line of text.</summary>
    public static string Write(JsonArray bands, bool percent)
    {
        var parts = new List<string>();
        foreach (var band in bands.OfType<JsonObject>())
        {
            var atLeast = Number(band, "atLeast");
            var above = Number(band, "above");
            var atMost = Number(band, "atMost");
            var below = Number(band, "below");
            string Bound(decimal value) => Vn(value) + (percent ? "%" : "");
            var lower = atLeast is { } a ? $"từ {Bound(a)}" : above is { } b ? $"trên {Bound(b)}" : null;
            var upper = atMost is { } c ? Bound(c) : below is { } d ? $"dưới {Bound(d)}" : null;
            var condition = (lower, upper) switch
            {
                (null, null) => "còn lại",
                ({ } l, null) when atLeast is not null => $"{l} trở lên",
                ({ } l, null) => l,
                (null, { } u) when atMost is not null => $"từ {u} trở xuống",
                (null, { } u) => u,
                ({ } l, { } u) => $"{l} đến {u}",
            };
            var text = new StringBuilder(Capitalise(condition, parts.Count == 0)).Append(": ").Append(Vn(Number(band, "points") ?? 0m)).Append(" điểm");
            if (band["label"]?.GetValue<string>() is { Length: > 0 } label)
            {
                text.Append(" «").Append(label).Append('»');
            }
            parts.Add(text.ToString());
        }
        return string.Join("; ", parts);
    }

    /// <summary>Reads a band table; null when any part is not a band row (the caller lists the row as not understood).</summary>
    public static JsonArray? Parse(string text, out string? problem)
    {
        problem = null;
        var rows = new JsonArray();
        foreach (var part in Split(text))
        {
            var match = RowPattern().Match(part);
            if (!match.Success)
            {
                problem = $"không hiểu «{part}» (cần dạng «Từ 90% trở lên: 10 điểm», «từ 70% đến dưới 90%: 7 điểm», «dưới 50%: 0 điểm», «còn lại: 0 điểm»)";
                return null;
            }
            var band = new JsonObject();
            if (!Condition(match.Groups["condition"].Value.Trim(), band))
            {
                problem = $"không hiểu điều kiện «{match.Groups["condition"].Value.Trim()}» trong «{part}»";
                return null;
            }
            band["points"] = ParseNumber(match.Groups["points"].Value);
            if (match.Groups["label"].Success)
            {
                band["label"] = match.Groups["label"].Value;
            }
            rows.Add(band);
        }
        if (rows.Count == 0)
        {
            problem = "cột «Cách chấm» trống";
            return null;
        }
        return rows;
    }

    private static bool Condition(string condition, JsonObject band)
    {
        var c = condition.ToLowerInvariant().Normalize(NormalizationForm.FormC);
        if (CatchAllPattern().IsMatch(c))
        {
            return true;
        }
        Match m;
        if ((m = TwoSidedPattern().Match(c)).Success)
        {
            band[m.Groups["lower"].Value == "từ" ? "atLeast" : "above"] = ParseNumber(m.Groups["a"].Value);
            band[m.Groups["below"].Success ? "below" : "atMost"] = ParseNumber(m.Groups["b"].Value);
            return true;
        }
        if ((m = AtLeastPattern().Match(c)).Success)
        {
            band["atLeast"] = ParseNumber(m.Groups["a"].Value);
            return true;
        }
        if ((m = AtMostPattern().Match(c)).Success)
        {
            band["atMost"] = ParseNumber(m.Groups["a"].Value);
            return true;
        }
        if ((m = OneSidedPattern().Match(c)).Success)
        {
            band[m.Groups["word"].Value is "trên" or ">" ? "above" : m.Groups["word"].Value is "dưới" or "<" ? "below" : m.Groups["word"].Value is "≥" or ">=" ? "atLeast" : "atMost"] = ParseNumber(m.Groups["a"].Value);
            return true;
        }
        return false;
    }

    // Parts are separated by ";" or line breaks, never inside a «label».
    private static IEnumerable<string> Split(string text)
    {
        var current = new StringBuilder();
        var inLabel = false;
        foreach (var ch in text)
        {
            inLabel = ch == '«' || (inLabel && ch != '»');
            if (!inLabel && ch is ';' or '\n' or '\r')
            {
                if (current.ToString().Trim().TrimEnd('.') is { Length: > 0 } done)
                {
                    yield return done;
                }
                current.Clear();
                continue;
            }
            current.Append(ch);
        }
        if (current.ToString().Trim().TrimEnd('.') is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    internal static decimal ParseNumber(string text)
    {
        var t = text.Replace("%", "", StringComparison.Ordinal).Trim();
        if (t.Contains(',', StringComparison.Ordinal))
        {
            t = t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (ThousandsPattern().IsMatch(t))
        {
            t = t.Replace(".", "", StringComparison.Ordinal);
        }
        return decimal.Parse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>A number as Vietnamese write it: decimal comma, dot thousands, no trailing zeros.</summary>
    internal static string Vn(decimal value) => Scoring.Engine.Text.VnFormat.Number(value);

    private static decimal? Number(JsonObject band, string name) => band[name] is JsonValue v ? v.GetValue<decimal>() : null;

    private static string Capitalise(string text, bool first) => first && text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private const string Num = @"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?";

    [GeneratedRegex(@"^(?<condition>.+?)\s*[:=]\s*(?<points>" + Num + @")\s*(?:điểm|đ)?\s*(?:«(?<label>[^»]*)»)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"^(?:các trường hợp |trường hợp )?(?:còn lại|khác)$|^không đạt$")]
    private static partial Regex CatchAllPattern();

    [GeneratedRegex(@"^(?<lower>từ|trên)\s*(?<a>" + Num + @")\s*%?\s*(?:đến|tới|-|–)\s*(?<below>dưới\s*)?(?<b>" + Num + @")\s*%?$")]
    private static partial Regex TwoSidedPattern();

    [GeneratedRegex(@"^(?:từ\s*)?(?<a>" + Num + @")\s*%?\s*trở lên$")]
    private static partial Regex AtLeastPattern();

    [GeneratedRegex(@"^(?:từ\s*)?(?<a>" + Num + @")\s*%?\s*trở xuống$")]
    private static partial Regex AtMostPattern();

    [GeneratedRegex(@"^(?<word>trên|dưới|đến|tối đa|≥|>=|≤|<=|>|<)\s*(?<a>" + Num + @")\s*%?$")]
    private static partial Regex OneSidedPattern();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{3})+$")]
    private static partial Regex ThousandsPattern();
}
