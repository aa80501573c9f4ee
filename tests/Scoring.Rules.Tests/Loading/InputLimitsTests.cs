using System.Text;
using Scoring.Rules.Loading;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Tests.Loading;

/// <summary>What the loader refuses before it parses: too large, not UTF-8; and one catalog check over several paths.</summary>
public sealed class InputLimitsTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "rules-limits-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void AFileAboveTheLimit_IsRefusedWithoutReadingIt()
    {
        var path = Path.Combine(folder, "big.rules.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(RuleSetLoader.MaxBytes + 1L);
        }

        var result = RuleSetLoader.LoadFile(path);

        var d = result.Diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo(DiagnosticCodes.FileTooLarge));
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(d.Message, Does.Contain("vượt giới hạn 2 MB"));
        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public void BytesAboveTheLimit_AreRefusedLikeAFile()
    {
        var bytes = new byte[RuleSetLoader.MaxBytes + 1];

        Assert.That(RuleSetLoader.LoadBytes(bytes, "body").Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.FileTooLarge));
    }

    [Test]
    public void InvalidUtf8_IsRefusedAtItsLineAndColumn()
    {
        // "Xã" saved in Windows-1258 on line 6: 0xE3 is not UTF-8.
        var utf8 = Encoding.UTF8.GetBytes(RuleSetText.Minimal.Replace("\"Tối thiểu\"", "\"X?\"", StringComparison.Ordinal));
        var index = Array.IndexOf(utf8, (byte)'?');
        utf8[index] = 0xE3;
        var (line, column) = RuleSetText.Find(RuleSetText.Minimal.Replace("\"Tối thiểu\"", "\"X?\"", StringComparison.Ordinal), "?");

        var result = RuleSetLoader.LoadBytes(utf8, "t.rules.json");

        var d = result.Diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo(DiagnosticCodes.NotUtf8));
        Assert.That((d.Line, d.Column), Is.EqualTo((line, column)));
        Assert.That(d.Message, Does.Contain("0xE3").And.Contain($"dòng {line}, cột {column}").And.Contain("UTF-8"));
        Assert.That(d.Fix, Does.Contain("UTF-8"));
    }

    [Test]
    public void ByteOrderMark_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RuleSetText.Minimal)).ToArray();

        Assert.That(RuleSetLoader.LoadBytes(bytes, "t.rules.json").Succeeded, Is.True);
    }

    [Test]
    public void TwoFilesNamedApart_WithTheSameVersionAndOtherContent_AreAConflict()
    {
        var a = Path.Combine(folder, "a.rules.json");
        var b = Path.Combine(folder, "b.rules.json");
        File.WriteAllText(a, RuleSetText.Minimal);
        File.WriteAllText(b, RuleSetText.Minimal.Replace("\"Tối thiểu\"", "\"Tối thiểu (sửa)\"", StringComparison.Ordinal));

        var result = RuleSetLoader.LoadPaths([a, b]);

        var d = result.Diagnostics.Single(x => x.Code == DiagnosticCodes.PublishedVersionChanged);
        Assert.That(d.File, Is.EqualTo(b));
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public void AFolderAndAFileNamedTogether_AreOneCatalog()
    {
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "sub", "a.rules.json"), RuleSetText.Minimal);
        var b = Path.Combine(folder, "b.json");
        File.WriteAllText(b, RuleSetText.Minimal.Replace("\"Tối thiểu\"", "\"Khác\"", StringComparison.Ordinal));

        var result = RuleSetLoader.LoadPaths([Path.Combine(folder, "sub"), b]);

        Assert.That(result.Diagnostics.Select(x => x.Code), Has.Member(DiagnosticCodes.PublishedVersionChanged));
    }
}
