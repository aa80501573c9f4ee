using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Web;

/// <summary>How numbers and instants read on the pages: Vietnamese decimal comma, local time of Hà Nội.</summary>
internal static class Display
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("dd'/'MM'/'yyyy HH':'mm");
    private static readonly LocalDatePattern DateText = LocalDatePattern.CreateWithInvariantCulture("dd'/'MM'/'yyyy");

    public static string Number(decimal value) =>
        value.ToString("#,##0.##", CultureInfo.InvariantCulture).Replace(",", "\u202F", StringComparison.Ordinal).Replace('.', ',');

    public static string Number(decimal? value) => value is { } v ? Number(v) : "—";

    /// <summary>A reported value with every digit it has (0,823 stays 0,823), grouped and with a decimal comma.</summary>
    public static string Exact(decimal value) =>
        value.ToString("#,##0.############################", CultureInfo.InvariantCulture).Replace(",", "\u202F", StringComparison.Ordinal).Replace('.', ',');

    public static string Time(Instant instant) => Local.Format(instant.InZone(Zone).LocalDateTime);

    /// <summary>A used value as a Vietnamese reader writes it: yes/no, dd/MM/yyyy dates, decimal comma; a missing value says so.</summary>
    public static string Value(string? value) => value switch
    {
        null => "(không có)",
        "true" or "True" => "có",
        "false" or "False" => "không",
        _ when LocalDatePattern.Iso.Parse(value) is { Success: true } date => DateText.Format(date.Value),
        _ when decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) => Exact(number),
        _ => value,
    };

    public static string GroupKind(string kind) => kind switch
    {
        "cluster" => "Cụm thi đua",
        "bloc" => "Khối thi đua",
        _ => "Cụm/khối",
    };
}
