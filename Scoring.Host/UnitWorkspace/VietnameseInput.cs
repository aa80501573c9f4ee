using System.Globalization;
using NodaTime.Text;
using Scoring.Rules.Model;

namespace Scoring.Host.UnitWorkspace;

/// <summary>
/// Between what a person types (decimal comma, dd/MM/yyyy, có/không) and the API's text (decimal point, yyyy-MM-dd,
/// true/false). Only a translation: the values are checked by the API's own rules when they are saved.
/// </summary>
internal static class VietnameseInput
{
    private static readonly LocalDatePattern DayMonthYear = LocalDatePattern.CreateWithInvariantCulture("dd'/'MM'/'uuuu");

    /// <summary>The API's text for a typed value; null for an empty field; the text as typed when it cannot be read (the API then says why).</summary>
    public static string? ToApi(string? typed, IndicatorType type)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        switch (type)
        {
            case IndicatorType.Boolean:
                return text switch { "co" or "có" or "true" => "true", "khong" or "không" or "false" => "false", _ => text };
            case IndicatorType.Date:
                var date = DayMonthYear.Parse(text);
                return date.Success ? LocalDatePattern.Iso.Format(date.Value) : text;
            default:
                var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
                // 1.234,5 (grouping dots, decimal comma) and 12,5 both read as Vietnamese writes them.
                var normal = compact.Contains(',', StringComparison.Ordinal) ? compact.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : compact;
                return decimal.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : text;
        }
    }

    /// <summary>How a stored value is shown in its field: decimal comma, dd/MM/yyyy, có/không.</summary>
    public static string FromApi(string? stored, IndicatorType type)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return "";
        }

        return type switch
        {
            IndicatorType.Boolean => stored == "true" ? "có" : stored == "false" ? "không" : stored,
            IndicatorType.Date => LocalDatePattern.Iso.Parse(stored) is { Success: true } d ? DayMonthYear.Format(d.Value) : stored,
            _ => decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? n.ToString("0.############################", CultureInfo.InvariantCulture).Replace('.', ',')
                : stored,
        };
    }

    public static string TypeText(IndicatorType type) => type switch
    {
        IndicatorType.Number => "số",
        IndicatorType.Percent => "tỷ lệ phần trăm (0–100)",
        IndicatorType.Count => "số đếm (số nguyên)",
        IndicatorType.Boolean => "có/không",
        _ => "ngày (dd/MM/yyyy)",
    };

    public static string? RangeText(IndicatorDefinition indicator) => (indicator.Min, indicator.Max) switch
    {
        ({ } min, { } max) => $"từ {Display.Exact(min)} đến {Display.Exact(max)}",
        ({ } min, null) => $"từ {Display.Exact(min)} trở lên",
        (null, { } max) => $"không quá {Display.Exact(max)}",
        _ => null,
    };
}
