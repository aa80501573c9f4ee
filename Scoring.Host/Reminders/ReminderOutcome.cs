namespace Scoring.Host.Reminders;

/// <summary>What a secretariat's reminder did: the units reminded now, those already reminded today, and refusals (Vietnamese).</summary>
internal sealed record ReminderOutcome(IReadOnlyList<string> Sent, IReadOnlyList<string> AlreadyToday, IReadOnlyList<string> Refused);
