using System.Globalization;
using NodaTime.Text;
using Scoring.Engine.Text;

namespace Scoring.Host.Secretariat;

/// <summary>A stored report value as the secretariat reads it: yes/no, dd/MM/yyyy dates and numbers with a decimal comma.</summary>
internal static class ReportValueText
{
    public static string Format(string? value) => value switch
    {
        null => "(không có)",
        "true" or "True" => "có",
        "false" or "False" => "không",
        _ when LocalDatePattern.Iso.Parse(value) is { Success: true } date => VnFormat.Date(date.Value),
        _ when decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) => VnFormat.Number(number),
        _ => value,
    };
}
