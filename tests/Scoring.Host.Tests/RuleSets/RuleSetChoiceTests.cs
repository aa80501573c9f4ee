using Scoring.Engine;
using Scoring.Host.Tests.Fixtures;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;

namespace Scoring.Host.Tests.RuleSets;

/// <summary>
/// The command line (a --rules folder) and the service (published versions: API, yearly job, pages) choose the same
/// version of a rule set: semantic-version precedence, where a release candidate is below its release and above older releases.
/// </summary>
public sealed class RuleSetChoiceTests
{
    private static readonly PublishedRuleSets Store = new(new CompiledRuleSetCache());

    private static RuleSetDocument Document(string version)
    {
        var loaded = RuleSetLoader.LoadText(TestData.RuleSetJson(version), $"{version}.rules.json");
        Assert.That(loaded.Succeeded, Is.True, () => string.Join("\n", loaded.Diagnostics));
        return loaded.Document!;
    }

    private static RuleSetVersion Stored(RuleSetDocument document) => new()
    {
        RuleSetId = document.RuleSet.Id, Version = document.RuleSet.Version, Tenant = document.RuleSet.Tenant, Title = document.RuleSet.Title,
        Sha256 = document.Identity.Sha256, Json = TestData.RuleSetJson(document.RuleSet.Version), PublishedBy = "test",
    };

    private static (string CommandLine, string Service) Choices(params string[] versions)
    {
        var documents = versions.Select(Document).ToList();
        var ruleSet = documents[0].RuleSet;
        var (chosen, problem) = RuleSetSelector.Select(documents, ruleSet.Tenant, ruleSet.Movement, 2026, ruleSet.UnitKinds[0]);
        Assert.That(problem, Is.Null);
        var service = Store.LatestFor(documents.Select(Stored), 2026);
        return (chosen!.RuleSet.Version, service!.Version);
    }

    [Test]
    public void ReleaseWinsOverItsReleaseCandidate_InBoth()
    {
        Assert.That(Choices("2.0.0-rc1", "2.0.0", "1.0.0"), Is.EqualTo(("2.0.0", "2.0.0")));
    }

    [Test]
    public void ReleaseCandidateWinsOverAnOlderRelease_InBoth()
    {
        Assert.That(Choices("1.0.0", "2.0.0-rc1"), Is.EqualTo(("2.0.0-rc1", "2.0.0-rc1")));
    }

    [Test]
    public void NumbersCompareAsNumbers_InBoth()
    {
        Assert.That(Choices("1.10.0", "1.9.0", "1.2.0"), Is.EqualTo(("1.10.0", "1.10.0")));
    }

    [Test]
    public void Store_ParsesOncePerHash()
    {
        var stored = Stored(Document("3.1.0"));

        Assert.That(Store.Read(stored), Is.SameAs(Store.Read(Stored(Document("3.1.0")))), "the same hash is read once");
        var compiled = Store.Compile(Store.Document(stored));
        Assert.That(Store.Compile(Store.Document(Stored(Document("3.1.0")))), Is.SameAs(compiled));
    }
}
