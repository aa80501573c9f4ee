
namespace Scoring.Host.Tests.Pages;

/// <summary>How the values a criterion used read on a unit's card.</summary>
public sealed class DisplayTests
{
    [TestCase(null, "(không có)")]
    [TestCase("true", "có")]
    [TestCase("false", "không")]
    [TestCase("2025-07-20", "20/07/2025")]
    [TestCase("0.823", "0,823")]
    [TestCase("12500.5", "12\u202F500,5")]
    [TestCase("-3", "-3")]
    [TestCase("90", "90")]
    [TestCase("NQ-12/2025", "NQ-12/2025")]
    public void Value_ReadsAsVietnameseReadersWriteIt_WithoutLosingDigits(string? reported, string expected) =>
        Assert.That(Display.Value(reported), Is.EqualTo(expected));
}
