using NodaTime;

namespace Scoring.Host.Tenants;

/// <summary>A tenant's emulation movement with its yearly report deadline (a local day and month).</summary>
internal sealed class Movement
{
    public long Id { get; set; }

    public required string TenantCode { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    public string? Plan { get; set; }

    /// <summary>Day and month of the yearly report deadline, "MM-dd" local time.</summary>
    public required string ReportDeadline { get; set; }

    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Runs of the movement need the appraisal and the council's decision on every award proposal before publication.</summary>
    public bool CouncilStep { get; set; }

    /// <summary>The deadline of a year as a local date.</summary>
    public LocalDate DeadlineIn(int year)
    {
        var month = int.Parse(ReportDeadline[..2], System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(ReportDeadline[3..], System.Globalization.CultureInfo.InvariantCulture);
        return new LocalDate(year, month, day);
    }

    /// <summary>The end of the deadline day (the first instant of the next local day) in the movement's zone.</summary>
    public Instant DeadlineEndIn(int year)
    {
        var zone = DateTimeZoneProviders.Tzdb[TimeZone];
        return DeadlineIn(year).PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
    }
}
