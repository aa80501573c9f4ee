using Scoring.Rules.Versions;

namespace Scoring.Rules.Tests.Versions;

public sealed class SemanticVersionTests
{
    // semver.org §11's own example chain, then the cases that decide which rule set is scored.
    private static readonly string[] Ascending =
    [
        "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0",
        "1.2.0", "1.10.0", "2.0.0-rc1", "2.0.0-rc2", "2.0.0", "2.0.1", "10.0.0",
    ];

    [Test]
    public void Precedence_FollowsSemVer2()
    {
        var shuffled = Ascending.Reverse().ToList();

        var sorted = shuffled.Order(SemanticVersion.StringComparer).ToList();

        Assert.That(sorted, Is.EqualTo(Ascending));
    }

    [TestCase("2.0.0-rc1", "2.0.0")]
    [TestCase("1.0.0", "2.0.0-rc1")]
    [TestCase("1.0.0-rc.2", "1.0.0-rc.10")]
    [TestCase("1.0.0-9", "1.0.0-a")]
    [TestCase("1.0.0-alpha", "1.0.0-alpha.0")]
    public void Lower_IsLessThanHigher(string lower, string higher)
    {
        var a = SemanticVersion.Parse(lower);
        var b = SemanticVersion.Parse(higher);

        Assert.That(a < b, Is.True);
        Assert.That(b > a, Is.True);
        Assert.That(a.CompareTo(b), Is.Negative);
        Assert.That(b.CompareTo(a), Is.Positive);
    }

    [Test]
    public void BuildMetadata_DoesNotTakePartInPrecedence()
    {
        Assert.That(SemanticVersion.Parse("1.0.0+build.5"), Is.EqualTo(SemanticVersion.Parse("1.0.0")));
        Assert.That(SemanticVersion.Parse("1.0.0+build.5").Text, Is.EqualTo("1.0.0"));
    }

    [TestCase("1.0.0", true)]
    [TestCase("2.10.3-draft.1", true)]
    [TestCase("1.0", false)]
    [TestCase("01.0.0", false)]
    [TestCase("1.0.0-01", false)]
    [TestCase("1.0.0-", false)]
    [TestCase("1.0.0-a..b", false)]
    [TestCase("1.0.0+build", false)]
    [TestCase("1.0.0\n", false)]
    [TestCase("١.0.0", false)]
    [TestCase("v1.0.0", false)]
    public void IsValid_AcceptsOnlyRuleSetVersions(string text, bool valid)
    {
        Assert.That(SemanticVersion.IsValid(text), Is.EqualTo(valid));
    }

    [Test]
    public void StringComparer_PutsTextThatIsNoVersionFirst()
    {
        Assert.That(new[] { "1.0.0", "latest", "0.0.1" }.Order(SemanticVersion.StringComparer), Is.EqualTo(new[] { "latest", "0.0.1", "1.0.0" }));
    }

    [Test]
    public void Parse_RefusesWhatIsNoVersion()
    {
        Assert.That(() => SemanticVersion.Parse("1.0"), Throws.TypeOf<FormatException>());
        Assert.That(SemanticVersion.TryParse(null, out _), Is.False);
    }
}
