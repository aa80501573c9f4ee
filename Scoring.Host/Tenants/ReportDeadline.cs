namespace Scoring.Host.Tenants;

/// <summary>
/// A unit files one report a year for its tenant, whatever the number of movements: the report is due at the earliest
/// deadline of the tenant's movements that year. Lateness and reminders are judged against that movement; each movement's
/// rule sets still see the report's date (<c>reportSubmittedOn</c>) and are scored at their own deadline.
/// </summary>
internal static class ReportDeadline
{
    /// <summary>The movement whose deadline the year's report is due by (earliest deadline, then code), or null without movements.</summary>
    public static Movement? Of(IEnumerable<Movement> movements, int year) =>
        movements.OrderBy(m => m.DeadlineEndIn(year)).ThenBy(m => m.Code, StringComparer.Ordinal).FirstOrDefault();
}
