namespace Scoring.Host.Tests;

/// <summary>
/// Every host the tests start (in process and child processes) keeps the yearly scoring and daily reminder triggers
/// paused (<c>Scheduler:PauseCalendarTriggers</c>): the real clock reaching 08:00 in Asia/Ho_Chi_Minh, or a deadline,
/// must not fire a job in the middle of a test that counts runs or reminders. Tests fire jobs explicitly.
/// </summary>
[SetUpFixture]
public sealed class CalendarTriggersPaused
{
    public const string Variable = "Scheduler__PauseCalendarTriggers";

    [OneTimeSetUp]
    public void Pause() => Environment.SetEnvironmentVariable(Variable, "true");

    [OneTimeTearDown]
    public void Restore() => Environment.SetEnvironmentVariable(Variable, null);
}
