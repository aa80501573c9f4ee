using System.Text.RegularExpressions;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.RuleSets;

/// <summary>
/// Stored rule-set JSON is parsed in one place in the host: <see cref="PublishedRuleSets"/> (once per hash, with the shared
/// loader, compiled through the one cache). Every other reader of a published version goes through that store.
/// </summary>
public sealed partial class StoredRuleSetReaderTests
{
    private static readonly string HostFolder = Path.Combine(TestData.RepositoryRoot, "Scoring.Host");

    [Test]
    public void OnlyThePublishedStore_ParsesStoredRuleSetJson()
    {
        // Drafts are mutable and unpublished, so the workbench parses a draft's own JSON; every published version goes
        // through the store. A parse of anything but a draft's JSON outside the store fails here.
        var readers = Sources().Where(f => LoadsText().IsMatch(File.ReadAllText(f))).Select(Relative).ToList();
        var draftReaders = Sources().Where(f => LoadsDraftText().IsMatch(File.ReadAllText(f))).Select(Relative).ToList();

        Assert.That(readers.Except(draftReaders), Is.EqualTo(new[] { "RuleSets/PublishedRuleSets.cs" }));
        Assert.That(draftReaders, Is.All.StartsWith("Workbench/"), "only the workbench reads drafts");
        Assert.That(Sources().Sum(f => LoadsText().Matches(File.ReadAllText(f)).Count),
            Is.EqualTo(1 + Sources().Sum(f => LoadsDraftText().Matches(File.ReadAllText(f)).Count)), "every other parse is of a draft's JSON");
    }

    [Test]
    public void NoHostCodeBuildsASecondStoreOrCache()
    {
        var builders = Sources().Where(f => NewStore().IsMatch(File.ReadAllText(f))).Select(Relative).ToList();

        Assert.That(builders, Is.Empty, "PublishedRuleSets and CompiledRuleSetCache are the host's singletons (Extensions/FeatureExtensions.cs)");
    }

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(HostFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(HostFolder, file).Replace(Path.DirectorySeparatorChar, '/');

    [GeneratedRegex(@"RuleSetLoader\.LoadText\(")]
    private static partial Regex LoadsText();

    [GeneratedRegex(@"RuleSetLoader\.LoadText\((d|draft)\.Json,")]
    private static partial Regex LoadsDraftText();

    [GeneratedRegex(@"new\s+(PublishedRuleSets|CompiledRuleSetCache|Scoring\.Engine\.CompiledRuleSetCache)\s*\(")]
    private static partial Regex NewStore();
}
