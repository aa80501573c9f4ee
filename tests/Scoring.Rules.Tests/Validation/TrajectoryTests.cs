using Scoring.Rules.Model;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

/// <summary>Issue 13: `year` in expressions and per-year target trajectories.</summary>
public sealed class TrajectoryTests
{
    [Test]
    public void Trajectory_IsReadAsAnExpressionOverYear()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "a3", "maxPoints": 10, "method": "target", "value": "n", "target": { "2030": 90, "2025": 40, "2027": 60 } }""");

        var result = Load(text);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        var method = (TargetMethod)result.Document!.RuleSet.AllCriteria.Single(c => c.Id == "A.3").Method;
        Assert.That(method.Target, Is.EqualTo(
            "year <= 2025 ? 40 : year < 2027 ? Round(40 + (60 - 40) * (year - 2025) / 2, 2) : "
            + "year <= 2027 ? 60 : year < 2030 ? Round(60 + (90 - 60) * (year - 2027) / 3, 2) : 90"));
    }

    [Test]
    public void OneMilestone_IsAConstant_AndARelativeTargetMayBeATrajectoryToo()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "a3", "maxPoints": 10, "method": "relative", "value": "n", "target": { "2027": 60 } }""");

        var result = Load(text);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(((RelativeMethod)result.Document!.RuleSet.AllCriteria.Single(c => c.Id == "A.3").Method).Target, Is.EqualTo("60"));
    }

    [Test]
    public void AMilestoneThatIsNotAYear_OrNotPositive_IsAnErrorAtItsPath()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "a3", "maxPoints": 10, "method": "target", "value": "n", "target": { "năm 2025": 40, "2027": 0 } }""");

        var result = Load(text);

        var found = result.Diagnostics.Select(d => (d.Code, d.JsonPath)).ToList();
        Assert.That(found, Does.Contain((DiagnosticCodes.InvalidFormat, "$.sections[0].criteria[2].target['năm 2025']"))
            .Or.Contain((DiagnosticCodes.InvalidFormat, "$.sections[0].criteria[2].target.năm 2025")), string.Join("\n", result.Diagnostics));
        Assert.That(result.Diagnostics.Single(d => d.Code == DiagnosticCodes.TargetNotPositive).Message, Does.Contain("mốc năm 2027 bằng 0"));
        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public void EmptyTrajectory_IsAnError()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "a3", "maxPoints": 10, "method": "target", "value": "n", "target": { } }""");

        var d = Single(Load(text), DiagnosticCodes.InvalidFormat);

        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].criteria[2].target"));
        Assert.That(d.Message, Does.Contain("không có mốc nào"));
    }

    [Test]
    public void Year_IsReadableInCriteriaGradesAndAwards()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "a3", "maxPoints": 10, "method": "check", "condition": "year >= 2027 && done" }""", root =>
        {
            root["grades"]![0]!["condition"] = "year < 2030 || total >= 25";
            root["awards"] = Newtonsoft.Json.Linq.JArray.Parse("""[ { "id": "gk", "title": "Giấy khen", "precedence": 1, "eligibility": "year == 2027" } ]""");
        });

        var result = Load(text);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void AnIndicatorNamedYear_IsAnError()
    {
        var text = Edit(root => ((Newtonsoft.Json.Linq.JArray)root["indicators"]!).Add(Newtonsoft.Json.Linq.JObject.Parse("""{ "id": "year", "type": "number", "title": "Năm" }""")));

        var d = Load(text).Diagnostics.First(x => x.JsonPath == "$.indicators[4].id");

        Assert.That(d.Code, Is.EqualTo(DiagnosticCodes.InvalidFormat));
        Assert.That(d.Message, Does.Contain("tên dành riêng"));
    }
}
