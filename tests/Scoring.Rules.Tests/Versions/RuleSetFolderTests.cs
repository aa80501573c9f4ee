using Scoring.Rules.Loading;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Tests.Versions;

public sealed class RuleSetFolderTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "rules-folder-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "a", "b"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(folder, relative);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void LoadFolder_ReadsRuleSetsRecursivelyAndOnlyThem()
    {
        Write("one.rules.json", RuleSetText.Minimal);
        Write(Path.Combine("a", "b", "two.rules.json"), RuleSetText.Minimal.Replace("t.minimal", "t.two", StringComparison.Ordinal));
        Write(Path.Combine("a", "notes.json"), "not json");

        var result = RuleSetLoader.LoadFolder(folder);

        Assert.That(result.Succeeded, Is.True, () => string.Join("\n", result.Diagnostics));
        Assert.That(result.Documents.Select(d => d.Identity.Id), Is.EquivalentTo(new[] { "t.minimal", "t.two" }));
    }

    [Test]
    public void SameVersionWithDifferentContent_IsAnError()
    {
        // Files are read in ordinal path order: a/first.rules.json, then b-second.rules.json.
        Write(Path.Combine("a", "first.rules.json"), RuleSetText.Minimal);
        var second = Write("b-second.rules.json", RuleSetText.Minimal.Replace("Tối thiểu", "Đã sửa", StringComparison.Ordinal));

        var result = RuleSetLoader.LoadFolder(folder);

        Assert.That(result.Succeeded, Is.False);
        var d = result.Diagnostics.Single(x => x.Code == DiagnosticCodes.PublishedVersionChanged);
        Assert.That(d.File, Is.EqualTo(second));
        Assert.That(d.Message, Does.Contain("Phiên bản đã ban hành thì không được sửa: hãy tăng số phiên bản."));
        Assert.That((d.Line, d.Column, d.JsonPath), Is.EqualTo((4, 14, "$.version")));
        Assert.That(result.Documents.Count(), Is.EqualTo(1));
    }

    [Test]
    public void SameVersionWithSameContent_IsOnlyAWarning()
    {
        Write("one.rules.json", RuleSetText.Minimal);
        Write(Path.Combine("a", "copy.rules.json"), RuleSetText.Edit(_ => { }));

        var result = RuleSetLoader.LoadFolder(folder);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.DuplicateFile));
    }

    [Test]
    public void BumpedVersion_IsFine()
    {
        Write("one.rules.json", RuleSetText.Minimal);
        Write("two.rules.json", RuleSetText.Minimal.Replace("1.0.0", "1.1.0", StringComparison.Ordinal).Replace("Tối thiểu", "Đã sửa", StringComparison.Ordinal));

        Assert.That(RuleSetLoader.LoadFolder(folder).Diagnostics, Is.Empty);
    }

    [Test]
    public void MissingFolderOrFile_IsADiagnosticNotAnException()
    {
        var missing = Path.Combine(folder, "nope");

        Assert.That(RuleSetLoader.LoadFolder(missing).Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.FileUnreadable));
        Assert.That(RuleSetLoader.LoadFile(missing + ".rules.json").Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.FileUnreadable));
    }

    [Test]
    public void OneBrokenFile_DoesNotStopTheOthers()
    {
        Write("good.rules.json", RuleSetText.Minimal);
        var bad = Write(Path.Combine("a", "bad.rules.json"), RuleSetText.Minimal.Replace("\"format\": 1,", "\"format\": 1", StringComparison.Ordinal));

        var result = RuleSetLoader.LoadFolder(folder);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Documents.Single().Identity.Id, Is.EqualTo("t.minimal"));
        var d = result.Diagnostics.Single();
        Assert.That((d.File, d.Code, d.Line), Is.EqualTo((bad, DiagnosticCodes.InvalidJson, 3)));
    }
}
