using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.Pages;

/// <summary>How numbers and instants read on the pages: Vietnamese decimal comma, local time of Hà Nội.</summary>
internal static class Display
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("dd'/'MM'/'yyyy HH':'mm");

    public static string Number(decimal value) =>
        value.ToString("#,##0.##", CultureInfo.InvariantCulture).Replace(",", "\u202F", StringComparison.Ordinal).Replace('.', ',');

    public static string Number(decimal? value) => value is { } v ? Number(v) : "—";

    public static string Time(Instant instant) => Local.Format(instant.InZone(Zone).LocalDateTime);

    /// <summary>A used value as the unit reported it; a missing value says so.</summary>
    public static string Value(string? value) => value switch
    {
        null => "(không có)",
        "true" or "True" => "có",
        "false" or "False" => "không",
        _ => value,
    };

    public static string GroupKind(string kind) => kind switch
    {
        "cluster" => "Cụm thi đua",
        "bloc" => "Khối thi đua",
        _ => "Cụm/khối",
    };
}
