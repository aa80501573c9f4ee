using Microsoft.Extensions.Configuration;

namespace Scoring.Host.Tests.Jobs;

public sealed class ReminderOffsetsTests
{
    [Test]
    public void From_NothingConfigured_Is7_3_1() => Assert.That(Parse().Days, Is.EqualTo(new[] { 7, 3, 1 }));

    [Test]
    public void From_AList_OrACommaSeparatedText_OrOneNumber()
    {
        Assert.That(Parse(("Reminders:DaysBefore:0", "1"), ("Reminders:DaysBefore:1", "14"), ("Reminders:DaysBefore:2", "3")).Days, Is.EqualTo(new[] { 14, 3, 1 }));
        Assert.That(Parse(("Reminders:DaysBefore", "10, 5,5")).Days, Is.EqualTo(new[] { 10, 5 }));
        Assert.That(Parse(("Reminders:DaysBefore", "7")).Days, Is.EqualTo(new[] { 7 }));
    }

    [TestCase("-1")]
    [TestCase("7,ba")]
    [TestCase("400")]
    public void From_BadValue_SaysWhichAndHowToWriteIt(string text) =>
        Assert.That(() => Parse(("Reminders:DaysBefore", text)), Throws.TypeOf<SettingException>()
            .With.Message.Contains("Reminders:DaysBefore").And.Message.Contains("[7, 3, 1]"));

    [TestCase(9, null)]
    [TestCase(7, 7)]
    [TestCase(5, 7)]
    [TestCase(3, 3)]
    [TestCase(2, 3)]
    [TestCase(1, 1)]
    [TestCase(0, 1)]
    [TestCase(-1, null)]
    public void DueAt_IsTheSmallestOffsetNotBelowTheDaysLeft(int daysLeft, int? due) =>
        Assert.That(ReminderOffsets.Default.DueAt(daysLeft), Is.EqualTo(due));

    private static ReminderOffsets Parse(params (string Key, string Value)[] settings) =>
        ReminderOffsets.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());
}
