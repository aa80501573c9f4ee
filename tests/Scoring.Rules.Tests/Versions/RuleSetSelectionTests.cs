using Scoring.Rules.Loading;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Rules.Tests.Versions;

public sealed class RuleSetSelectionTests
{
    private static RuleSet Load(string id, string version, string years = """{ "from": 2025, "to": 2030 }""", string kinds = """["locality"]""",
        string movement = "m")
    {
        var text = RuleSetText.Minimal
            .Replace("\"t.minimal\"", $"\"{id}\"", StringComparison.Ordinal)
            .Replace("\"1.0.0\"", $"\"{version}\"", StringComparison.Ordinal)
            .Replace("""{ "from": 2025, "to": 2030 }""", years, StringComparison.Ordinal)
            .Replace("""["locality"]""", kinds, StringComparison.Ordinal)
            .Replace("\"movement\": \"m\"", $"\"movement\": \"{movement}\"", StringComparison.Ordinal);
        var result = RuleSetLoader.LoadText(text, RuleSetText.FileName);
        Assert.That(result.Succeeded, Is.True, () => string.Join("\n", result.Diagnostics));
        return result.Document!.RuleSet;
    }

    [Test]
    public void Latest_TakesTheReleaseOverItsReleaseCandidate()
    {
        var versions = new[] { Load("t.a", "2.0.0"), Load("t.a", "2.0.0-rc1"), Load("t.a", "1.0.0") };

        var chosen = RuleSetSelection.Latest(versions, r => r, new RuleSetQuery(2026));

        Assert.That(chosen.Select(r => r.Version), Is.EqualTo(new[] { "2.0.0" }));
    }

    [Test]
    public void Latest_TakesAReleaseCandidateOverAnOlderRelease()
    {
        var versions = new[] { Load("t.a", "1.0.0"), Load("t.a", "2.0.0-rc1") };

        Assert.That(RuleSetSelection.LatestVersion(versions, r => r, new RuleSetQuery(2026))!.Version, Is.EqualTo("2.0.0-rc1"));
    }

    [Test]
    public void Latest_ComparesNumbersNotText()
    {
        var versions = new[] { Load("t.a", "1.10.0"), Load("t.a", "1.9.0") };

        Assert.That(RuleSetSelection.LatestVersion(versions, r => r, new RuleSetQuery(2026))!.Version, Is.EqualTo("1.10.0"));
    }

    [Test]
    public void Latest_KeepsOnlyVersionsThatApply()
    {
        var versions = new[]
        {
            Load("t.a", "1.0.0"),
            Load("t.a", "2.0.0", years: """{ "from": 2027, "to": 2030 }"""),
            Load("t.a", "3.0.0", kinds: """["department"]"""),
            Load("t.a", "4.0.0", movement: "other"),
            Load("t.b", "1.0.0", kinds: """["locality", "department"]"""),
        };

        var chosen = RuleSetSelection.Latest(versions, r => r, new RuleSetQuery(2026, "t", "m", UnitKind.Locality));

        // t.a@3.0.0 is in force for 2026 (t, m) and scores departments only: t.a no longer scores localities.
        Assert.That(chosen.Select(r => $"{r.Id}@{r.Version}"), Is.EqualTo(new[] { "t.b@1.0.0" }));
        Assert.That(RuleSetSelection.Latest(versions, r => r, new RuleSetQuery(2026, "t", "m", UnitKind.Department)).Select(r => $"{r.Id}@{r.Version}"),
            Is.EqualTo(new[] { "t.a@3.0.0", "t.b@1.0.0" }));
        Assert.That(RuleSetSelection.Latest(versions, r => r, new RuleSetQuery(2026, "other-tenant")), Is.Empty);
        Assert.That(RuleSetSelection.LatestVersion(versions.Take(4), r => r, new RuleSetQuery(2028, Kind: UnitKind.Locality))!.Version, Is.EqualTo("4.0.0"));
    }

    [Test]
    public void Latest_ALaterVersionThatDropsAKind_LeavesThatKindWithoutTheRuleSet()
    {
        var versions = new[] { Load("t.a", "1.0.0", kinds: """["locality", "department"]"""), Load("t.a", "1.1.0", kinds: """["department"]""") };

        Assert.That(RuleSetSelection.LatestVersion(versions, r => r, new RuleSetQuery(2026, Kind: UnitKind.Department))!.Version, Is.EqualTo("1.1.0"));
        Assert.That(RuleSetSelection.LatestVersion(versions, r => r, new RuleSetQuery(2026, Kind: UnitKind.Locality)), Is.Null,
            "1.0.0 is superseded for every kind, not brought back for the kind 1.1.0 dropped");
        Assert.That(RuleSetSelection.LatestVersion(versions.Take(1), r => r, new RuleSetQuery(2026, Kind: UnitKind.Locality))!.Version, Is.EqualTo("1.0.0"));
    }

    [Test]
    public void Kinds_ReadOnlyTheirExactNames()
    {
        Assert.That(UnitKind.TryParse("public-service", out var kind), Is.True);
        Assert.That(kind, Is.EqualTo(UnitKind.PublicService));
        Assert.That(UnitKind.IsKnown("Locality"), Is.False);
        Assert.That(UnitKind.IsKnown(null), Is.False);
        Assert.That(GroupKind.IsKnown("bloc"), Is.True);
        Assert.That(GroupKind.IsKnown("khối"), Is.False);
        Assert.That(UnitKind.AllText, Does.StartWith("locality, department"));
    }
}
