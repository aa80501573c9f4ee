using Microsoft.Extensions.Configuration;

namespace Scoring.Host.Tests.Jobs;

/// <summary>The <c>Scheduler</c> configuration section: production defaults, overrides, and a clear error for a bad value.</summary>
public sealed class SchedulerSettingsTests
{
    [Test]
    public void Defaults_AreTheProductionValues()
    {
        var settings = SchedulerSettings.From(Configuration([]));

        Assert.That(settings, Is.EqualTo(new SchedulerSettings(null, 2, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1))));
    }

    [Test]
    public void Keys_OverrideTheDefaults()
    {
        var settings = SchedulerSettings.From(Configuration(new()
        {
            ["Scheduler:InstanceId"] = "node-7",
            ["Scheduler:Threads"] = "4",
            ["Scheduler:InvisibilityTimeoutSeconds"] = "90",
            ["Scheduler:PollIntervalMilliseconds"] = "500",
        }));

        Assert.That(settings, Is.EqualTo(new SchedulerSettings("node-7", 4, TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(500))));
    }

    [TestCase("InvisibilityTimeoutSeconds", "0")]
    [TestCase("PollIntervalMilliseconds", "2s")]
    [TestCase("Threads", "-1")]
    public void ABadValue_IsNamedInTheError(string key, string value)
    {
        var error = Assert.Throws<SettingException>(() => SchedulerSettings.From(Configuration(new() { [$"Scheduler:{key}"] = value })));

        Assert.That(error!.Message, Is.EqualTo($"Scheduler:{key} phải là số nguyên dương, nhưng đang là '{value}'."));
    }

    [TestCase(null, false)]
    [TestCase("true", true)]
    [TestCase("False", false)]
    public void PauseCalendarTriggers_IsABoolean_OffByDefault(string? value, bool paused) =>
        Assert.That(SchedulerSettings.CalendarTriggersPaused(Configuration(new() { ["Scheduler:PauseCalendarTriggers"] = value })), Is.EqualTo(paused));

    [Test]
    public void PauseCalendarTriggers_ABadValueIsNamedInTheError()
    {
        var error = Assert.Throws<SettingException>(() => SchedulerSettings.CalendarTriggersPaused(Configuration(new() { ["Scheduler:PauseCalendarTriggers"] = "có" })));

        Assert.That(error!.Message, Is.EqualTo("Scheduler:PauseCalendarTriggers phải là true hoặc false, nhưng đang là 'có'."));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
