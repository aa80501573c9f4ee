using NodaTime;
using NodaTime.Text;

namespace Scoring.Host.AdminConsole;

/// <summary>
/// A movement's yearly report deadline as people type it (dd/MM, a NodaTime <see cref="AnnualDate"/>) and as the service
/// stores it (MM-dd); and when the next one falls, in the movement's zone (Asia/Ho_Chi_Minh).
/// </summary>
internal static class MovementDeadline
{
    private static readonly AnnualDatePattern Typed = AnnualDatePattern.CreateWithInvariantCulture("dd/MM");

    /// <summary>"10/11" as "11-10"; null when the text is not a day and month.</summary>
    public static string? Stored(string? typed) =>
        typed is not null && Typed.Parse(typed.Trim()) is { Success: true } parsed ? AnnualDatePattern.Iso.Format(parsed.Value) : null;

    /// <summary>"11-10" as "10/11".</summary>
    public static string Shown(string stored) => $"{stored[3..]}/{stored[..2]}";

    public const string Wrong = "phải là ngày và tháng dạng dd/MM, ví dụ 10/11 (ngày 10 tháng 11).";

    /// <summary>The next deadline day (today's included) in the movement's zone, as a Vietnamese sentence.</summary>
    public static string Next(Movement movement, Instant now)
    {
        var zone = DateTimeZoneProviders.Tzdb[movement.TimeZone];
        var year = now.InZone(zone).Year;
        if (movement.DeadlineEndIn(year) <= now)
        {
            year++;
        }

        return $"hạn báo cáo năm {year}: hết ngày {Display.Date(movement.DeadlineIn(year))} (giờ {movement.TimeZone})";
    }
}
