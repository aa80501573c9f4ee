using NodaTime;

namespace Scoring.Host.Tests.Fixtures;

/// <summary>A clock the test sets; lateness and reminders are judged against it.</summary>
internal sealed class TestClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}
