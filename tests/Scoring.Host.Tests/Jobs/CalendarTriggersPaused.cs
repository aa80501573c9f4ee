namespace Scoring.Host.Tests;

/// <summary>
/// Every host the tests start (in process and child processes) keeps calendar jobs paused (<c>Scheduler:PauseCalendarTriggers</c>):
/// the real clock reaching 08:00 in Asia/Ho_Chi_Minh, or a deadline, must not create a job in the middle of a test that counts
/// runs or reminders, and no host catches up a deadline at start. Tests enqueue jobs explicitly, or start a host without the
/// pause to prove the calendar behaviour (<c>Jobs/HangfireFiringTests</c>).
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
