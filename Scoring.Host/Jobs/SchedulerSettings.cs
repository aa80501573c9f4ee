using System.Globalization;

namespace Scoring.Host.Jobs;

/// <summary>
/// Hangfire settings from the <c>Scheduler</c> section. <see cref="InstanceId"/> names this host's Hangfire server (in the
/// logs, the dashboard and the storage's server list; generated when not given). Every host on one PostgreSQL database shares
/// one Hangfire storage, which makes them one cluster. A job fetched by a host that then dies stays invisible to the others for
/// <see cref="InvisibilityTimeout"/> after the dead host's last keep-alive; then any host takes it. <see cref="PollInterval"/>
/// is how often an idle worker looks for a new job.
/// </summary>
internal sealed record SchedulerSettings(string? InstanceId, int Threads, TimeSpan InvisibilityTimeout, TimeSpan PollInterval)
{
    public const int DefaultInvisibilityTimeoutSeconds = 30;
    public const int DefaultPollIntervalMilliseconds = 1000;

    public static SchedulerSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Scheduler");
        return new SchedulerSettings(
            section["InstanceId"] is { Length: > 0 } id ? id : null,
            Positive(section, "Threads", 2),
            TimeSpan.FromSeconds(Positive(section, "InvisibilityTimeoutSeconds", DefaultInvisibilityTimeoutSeconds)),
            TimeSpan.FromMilliseconds(Positive(section, "PollIntervalMilliseconds", DefaultPollIntervalMilliseconds)));
    }

    /// <summary>
    /// <c>Scheduler:PauseCalendarTriggers</c> (default false): this host creates no job from the calendar (the yearly scoring
    /// per movement, the daily reminders, the catch-up of a missed deadline at start), for a copy of production, a maintenance
    /// window, or tests whose host must not fire by the real calendar. The recurring jobs stay stored and inspectable; jobs
    /// enqueued by hand (runs, or a job a test enqueues) still execute.
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
