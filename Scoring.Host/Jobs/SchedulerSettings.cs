using System.Globalization;

namespace Scoring.Host.Jobs;

/// <summary>
/// Quartz settings from the <c>Scheduler</c> section. Every node of a cluster shares <see cref="InstanceName"/> and has its
/// own <see cref="InstanceId"/> (generated when not given). A node that stops checking in for
/// <see cref="CheckinInterval"/> + <see cref="CheckinMisfireThreshold"/> is declared dead and its runs are recovered.
/// </summary>
internal sealed record SchedulerSettings(string InstanceName, string? InstanceId, int Threads, TimeSpan CheckinInterval, TimeSpan CheckinMisfireThreshold)
{
    public const int DefaultCheckinIntervalMilliseconds = 2000;
    public const int DefaultCheckinMisfireThresholdMilliseconds = 10000;

    public static SchedulerSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Scheduler");
        return new SchedulerSettings(
            section["InstanceName"] is { Length: > 0 } name ? name : "scoring",
            section["InstanceId"] is { Length: > 0 } id ? id : null,
            Positive(section, "Threads", 2),
            TimeSpan.FromMilliseconds(Positive(section, "CheckinIntervalMilliseconds", DefaultCheckinIntervalMilliseconds)),
            TimeSpan.FromMilliseconds(Positive(section, "CheckinMisfireThresholdMilliseconds", DefaultCheckinMisfireThresholdMilliseconds)));
    }

    /// <summary>
    /// <c>Scheduler:PauseCalendarTriggers</c> (default false): keep the yearly scoring and daily reminder triggers paused, for
    /// a copy of production, a maintenance window, or tests whose host must not fire by the real calendar.
    /// </summary>
    public static bool CalendarTriggersPaused(IConfiguration configuration)
    {
        var text = configuration["Scheduler:PauseCalendarTriggers"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return bool.TryParse(text, out var paused)
            ? paused
            : throw new SettingException($"Scheduler:PauseCalendarTriggers phải là true hoặc false, nhưng đang là '{text}'.");
    }

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new SettingException($"Scheduler:{key} phải là số nguyên dương, nhưng đang là '{text}'.");
    }
}
