using System.Globalization;

namespace Scoring.Host.Jobs;

/// <summary>
/// <c>Reminders:DaysBefore</c>: the days before a report deadline on which units that have not submitted are reminded,
/// as a list (<c>"DaysBefore": [7, 3, 1]</c>), a comma-separated text (<c>"7,3,1"</c>) or one number. Default 7, 3, 1.
/// </summary>
internal sealed record ReminderOffsets(IReadOnlyList<int> Days)
{
    public static readonly ReminderOffsets Default = new([7, 3, 1]);

    public static ReminderOffsets From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Reminders:DaysBefore");
        // A text (e.g. an environment variable) wins over a list from an earlier source.
        var texts = section.Value is { } text
            ? [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : section.GetChildren().Select(c => c.Value).ToList();

        if (texts.Count == 0)
        {
            return Default;
        }

        var days = new SortedSet<int>();
        foreach (var value in texts)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day > 366)
            {
                throw new SettingException(
                    $"Reminders:DaysBefore: '{value}' không phải số ngày từ 0 đến 366; hãy ghi ví dụ [7, 3, 1] hoặc \"7,3,1\".");
            }

            days.Add(day);
        }

        return new ReminderOffsets([.. days.Reverse()]);
    }

    /// <summary>
    /// The offset due with <paramref name="daysLeft"/> days to the deadline: the smallest offset not below it, so a day the
    /// job did not run is caught up once rather than sending every missed reminder. Null before the first and after the deadline.
    /// </summary>
    public int? DueAt(int daysLeft) => daysLeft < 0 ? null : Days.Where(d => d >= daysLeft).Cast<int?>().Min();
}
