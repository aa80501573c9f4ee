using Newtonsoft.Json.Linq;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Rules.Tests.Versions;

public sealed class RuleSetDiffTests
{
    private static RuleSet Example() =>
        Scoring.Rules.Loading.RuleSetLoader.LoadFile(RepositoryPaths.ExampleRuleSet).Document!.RuleSet;

    private static RuleSet Edited(Action<JObject> edit)
    {
        var root = JObject.Parse(File.ReadAllText(RepositoryPaths.ExampleRuleSet));
        edit(root);
        var result = Scoring.Rules.Loading.RuleSetLoader.LoadText(root.ToString(), "edited.rules.json");
        Assert.That(result.Document, Is.Not.Null, () => string.Join("\n", result.Diagnostics));
        return result.Document!.RuleSet;
    }

    [Test]
    public void SameRuleSet_HasNoChanges()
    {
        var diff = RuleSetDiff.Compare(Example(), Example());

        Assert.That(diff.IsEmpty, Is.True);
        Assert.That(diff.ToText(DiffLanguage.English), Is.EqualTo("Changes from version 1.0.0 to 1.0.0: none." + Environment.NewLine));
    }

    [Test]
    public void BandThresholdAndPoints_AreReportedWithOldAndNewText()
    {
        var edited = Edited(r =>
        {
            r["version"] = "1.1.0";
            r["sections"]![0]!["criteria"]![0]!["bands"]![0]!["atLeast"] = 0.85m;
            r["sections"]![0]!["criteria"]![0]!["bands"]![1]!["below"] = 0.85m;
            r["sections"]![0]!["criteria"]![0]!["bands"]![1]!["points"] = 15;
        });

        var diff = RuleSetDiff.Compare(Example(), edited);

        Assert.That(diff.CriteriaChanged, Is.EqualTo(new[]
        {
            new RuleSetChange(RuleSetChangeKind.Changed, RuleSetElement.Criterion, "I.1", "bands[0]", "[0.8, +∞) → 20 (Từ 0,8 trở lên)", "[0.85, +∞) → 20 (Từ 0,8 trở lên)"),
            new RuleSetChange(RuleSetChangeKind.Changed, RuleSetElement.Criterion, "I.1", "bands[1]", "[0.65, 0.8) → 14", "[0.65, 0.85) → 15"),
        }));
        Assert.That(diff.Changes, Has.Length.EqualTo(2), "the version itself is not a change of content");
    }

    [Test]
    public void AddedRemovedAndChangedCriteria_AndSectionMaxima()
    {
        var edited = Edited(r =>
        {
            r.Remove("tests");
            var section = (JObject)r["sections"]![1]!;
            var criteria = (JArray)section["criteria"]!;
            criteria.RemoveAt(1); // II.2 (10 points)
            criteria.Add(JObject.Parse("""{ "id": "II.4", "title": "Mới", "maxPoints": 10, "method": "check", "condition": "cyberDrillHeld" }"""));
            criteria[0]!["formula"] = "Ratio(staffTrained, staffTotal) * 15";
            criteria[1]!["deduct"] = 2;
            criteria[1]!["maxPoints"] = 15;
        });

        var diff = RuleSetDiff.Compare(Example(), edited);

        Assert.That(diff.CriteriaRemoved.Select(c => (c.Id, c.OldValue)), Is.EqualTo(new[] { ("II.2", "Diễn tập an toàn thông tin (10, check, section II)") }));
        Assert.That(diff.CriteriaAdded.Select(c => (c.Id, c.NewValue)), Is.EqualTo(new[] { ("II.4", "Mới (10, check, section II)") }));
        Assert.That(diff.CriteriaChanged.Select(c => (c.Id, c.Field, c.OldValue, c.NewValue)), Is.EqualTo(new[]
        {
            ("II.1", (string?)"formula", (string?)"Ratio(staffTrained, staffTotal) >= 0.8m ? 15 : Round(Ratio(staffTrained, staffTotal) / 0.8m * 15, 2)",
                (string?)"Ratio(staffTrained, staffTotal) * 15"),
            ("II.3", "deduct", "1", "2"),
        }));
        Assert.That(diff.Changes.Where(c => c.Element == RuleSetElement.Section).Select(c => (c.Id, c.Field, c.OldValue, c.NewValue)),
            Is.EqualTo(new[] { ("II", (string?)"criteria", (string?)"[II.1, II.2, II.3]", (string?)"[II.1, II.3, II.4]") }));
    }

    [Test]
    public void MethodChange_ListsTheMethodAndItsNewFields()
    {
        var edited = Edited(r =>
        {
            var c = (JObject)r["sections"]![0]!["criteria"]![1]!;
            c["method"] = "relative";
            c.Remove("target");
        });

        var changes = RuleSetDiff.Compare(Example(), edited).CriteriaChanged.Select(c => (c.Field, c.OldValue, c.NewValue)).ToList();

        Assert.That(changes, Is.EqualTo(new[]
        {
            ((string?)"method", (string?)"target", (string?)"relative"),
            ("target", "80", "—"),
            ("lowerIsBetter", "false", null),
        }));
    }

    [Test]
    public void GradesAwardsIndicatorsAndHeader_AreCompared()
    {
        var edited = Edited(r =>
        {
            r["grades"]![1]!["minTotal"] = 80;
            r["awards"]![1]!["quota"]!["maxShare"] = 0.15m;
            ((JArray)r["awards"]!).RemoveAt(2);
            r["indicators"]![0]!["title"] = "DTI";
            r["bonus"]!["cap"] = 5;
            r["total"]!["max"] = 105;
        });

        var diff = RuleSetDiff.Compare(Example(), edited);

        Assert.That(diff.Changes.Select(c => (c.Kind, c.Element, c.Id, c.Field)), Is.EquivalentTo(new[]
        {
            (RuleSetChangeKind.Changed, RuleSetElement.RuleSet, "vi-du.day-du", (string?)"bonus.cap"),
            (RuleSetChangeKind.Changed, RuleSetElement.RuleSet, "vi-du.day-du", "total"),
            (RuleSetChangeKind.Changed, RuleSetElement.Indicator, "dti", "title"),
            (RuleSetChangeKind.Changed, RuleSetElement.Grade, "tot", "minTotal"),
            (RuleSetChangeKind.Changed, RuleSetElement.Award, "bang-khen-chu-tich", "quota.maxShare"),
            (RuleSetChangeKind.Removed, RuleSetElement.Award, "giay-khen", null),
        }));
    }

    [Test]
    public void ToText_SummarisesInVietnameseAndEnglish()
    {
        var edited = Edited(r =>
        {
            r["version"] = "1.1.0";
            r["sections"]![0]!["criteria"]![3]!["points"] = new JArray(10, 7, 5);
            ((JArray)r["awards"]!).RemoveAt(2);
        });
        var diff = RuleSetDiff.Compare(Example(), edited);

        var vi = diff.ToText();
        var en = diff.ToText(DiffLanguage.English);

        Assert.That(vi, Is.EqualTo(string.Join(Environment.NewLine,
            "Thay đổi từ phiên bản 1.0.0 sang 1.1.0: 2 thay đổi.",
            "Tiêu chí (criteria):",
            "  ~ I.4 points: [10, 8, 6] → [10, 7, 5]",
            "Khen thưởng (awards):",
            "  - Bỏ giay-khen: Giấy khen (precedence 10)",
            "")));
        Assert.That(en, Does.StartWith("Changes from version 1.0.0 to 1.1.0: 2 change(s)."));
        Assert.That(en, Does.Contain("  - Removed giay-khen: Giấy khen (precedence 10)"));
    }
}
