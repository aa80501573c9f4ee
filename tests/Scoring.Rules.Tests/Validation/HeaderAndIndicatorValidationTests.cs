using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

public sealed class HeaderAndIndicatorValidationTests
{
    [Test]
    public void YearsFromAfterTo_IsAnError()
    {
        var text = Edit(r => r["years"] = JObject.Parse("""{ "from": 2030, "to": 2025 }"""));

        var d = Single(Load(text), DiagnosticCodes.YearRange);

        Assert.That(d.JsonPath, Is.EqualTo("$.years"));
        Assert.That(At(d), Is.EqualTo(Find(text, "{", "\"years\"")));
    }

    [Test]
    public void EmptyUnitKinds_IsAnError()
    {
        Assert.That(Single(Load(Edit(r => r["unitKinds"] = new JArray())), DiagnosticCodes.UnitKindsEmpty).JsonPath, Is.EqualTo("$.unitKinds"));
    }

    [Test]
    public void UnknownUnitKind_IsAnErrorAtItsIndex_SuggestingTheNearestKind()
    {
        var text = Edit(r => r["unitKinds"] = new JArray("locality", "localty", "individual"));

        var d = Single(Load(text), DiagnosticCodes.InvalidEnumValue);

        Assert.That(d.JsonPath, Is.EqualTo("$.unitKinds[1]"));
        Assert.That(d.Message, Does.Contain("\"localty\"").And.Contain("Có phải bạn định viết `locality`?"));
        Assert.That(d.Fix, Does.Contain("\"commune-agency\"").And.Contain("\"individual\""));
        Assert.That(Load(text).Diagnostics.Where(x => x.Code == DiagnosticCodes.UnitKindsEmpty), Is.Empty);
    }

    [Test]
    public void UnitKinds_AreTyped_InTheOrderWritten()
    {
        var loaded = Load(Edit(r => r["unitKinds"] = new JArray("individual", "commune-agency")));

        Assert.That(loaded.Succeeded, Is.True, () => string.Join("\n", loaded.Diagnostics));
        Assert.That(loaded.Document!.RuleSet.UnitKinds, Is.EqualTo(new[] { Scoring.Rules.Model.UnitKind.Individual, Scoring.Rules.Model.UnitKind.CommuneAgency }));
    }

    [Test]
    public void IndicatorMinAboveMax_IsAnError()
    {
        var text = Edit(r => r["indicators"]![0]!["min"] = 2);

        var d = Single(Load(text), DiagnosticCodes.IndicatorRange);

        Assert.That(d.JsonPath, Is.EqualTo("$.indicators[0].min"));
        Assert.That(d.Message, Does.Contain("`min` (2) lớn hơn `max` (1)"));
    }

    [TestCase("0", "n", null)]
    [TestCase("true", "done", null)]
    [TestCase("\"2025-01-01\"", "reportOn", null)]
    [TestCase("2", "dti", "giá trị mặc định 2 lớn hơn giá trị tối đa 1 của `dti`")]
    [TestCase("true", "dti", "giá trị mặc định true là giá trị đúng/sai, nhưng `dti` có kiểu \"number\" (số)")]
    [TestCase("1.5", "n", "giá trị mặc định 1.5 không phải số đếm")]
    [TestCase("0", "done", "giá trị mặc định 0 là một số, nhưng `done` có kiểu \"boolean\" (đúng/sai)")]
    public void IndicatorDefault_IsCheckedAgainstTypeAndRange(string json, string indicator, string? problem)
    {
        var text = Edit(r => r["indicators"]!.First(i => (string?)i["id"] == indicator)["default"] = JToken.Parse(json));

        var found = Load(text).Diagnostics;

        if (problem is null)
        {
            Assert.That(found, Is.Empty);
        }
        else
        {
            Assert.That(found, Has.Length.EqualTo(1));
            Assert.That(found[0].Code, Is.EqualTo(DiagnosticCodes.IndicatorDefault));
            Assert.That(found[0].Message, Does.Contain(problem));
        }
    }

    [Test]
    public void BooleanWithRange_IsAnError()
    {
        Assert.That(Single(Load(Edit(r => r["indicators"]![1]!["max"] = 1)), DiagnosticCodes.IndicatorRange).JsonPath, Is.EqualTo("$.indicators[1]"));
    }

    [Test]
    public void ReservedIndicatorId_IsAnError()
    {
        Assert.That(Single(Load(Edit(r => r["indicators"]![3]!["id"] = "total")), DiagnosticCodes.InvalidFormat).Message, Does.Contain("tên dành riêng"));
    }

    [Test]
    public void UnusedIndicator_IsAWarning()
    {
        var text = Edit(r => ((JArray)r["indicators"]!).Add(JObject.Parse("""{ "id": "staffTrainedd", "type": "count", "title": "Thừa" }""")));

        var result = Load(text);

        var d = Single(result, DiagnosticCodes.IndicatorUnused);
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(d.JsonPath, Is.EqualTo("$.indicators[4].id"));
        Assert.That(At(d), Is.EqualTo(Find(text, "\"staffTrainedd\"")));
        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void IndicatorsReadOnlyByGradesAwardsTieBreakersOrDeadlines_AreUsed()
    {
        var text = Edit(r =>
        {
            ((JArray)r["indicators"]!).Add(JObject.Parse("""{ "id": "a", "type": "number", "title": "A" }"""));
            ((JArray)r["indicators"]!).Add(JObject.Parse("""{ "id": "b", "type": "number", "title": "B" }"""));
            r["grades"]![0]!["condition"] = "(a ?? 0) > 1";
            r["awards"] = JArray.Parse("""[ { "id": "x", "title": "X", "precedence": 1, "eligibility": "rank <= 1 && b > 0" } ]""");
        });

        Assert.That(Load(text).Diagnostics, Is.Empty);
    }
}
