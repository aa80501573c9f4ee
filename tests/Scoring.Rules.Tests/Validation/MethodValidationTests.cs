using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

public sealed class MethodValidationTests
{
    private const string C = "$.sections[0].criteria[2]";

    [Test]
    public void SectionSum_MustMatchItsMaxPoints()
    {
        var text = Edit(r => r["sections"]![0]!["maxPoints"] = 25);

        var d = Single(Load(text), DiagnosticCodes.SectionSumMismatch);

        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].maxPoints"));
        Assert.That(d.Message, Is.EqualTo("Mục `A` có `maxPoints` 25 nhưng tổng `maxPoints` của các tiêu chí trong mục là 30 (20 + 10)."));
        Assert.That(d.Fix, Does.Contain("30"));
        Assert.That(At(d), Is.EqualTo(Find(text, "25", "\"sections\"", "\"maxPoints\"")));
    }

    [Test]
    public void CriterionMaxPoints_MustBePositive()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 0, "method": "check", "condition": "done" }""");

        Assert.That(Single(Load(text), DiagnosticCodes.CriterionMaxPoints).JsonPath, Is.EqualTo(C + ".maxPoints"));
    }

    [Test]
    public void BonusCapZeroWithCriteria_IsAnError_ButCriteriaAboveTheCapAreFine()
    {
        var zero = Edit(r =>
        {
            r["bonus"]!["cap"] = 0;
            ((Newtonsoft.Json.Linq.JArray)r["bonus"]!["criteria"]!).Add(Newtonsoft.Json.Linq.JObject.Parse(
                """{ "id": "T.2", "title": "t", "maxPoints": 20, "method": "count", "value": "n", "pointsEach": 2 }"""));
        });
        var above = zero.Replace("\"cap\": 0", "\"cap\": 10", StringComparison.Ordinal);

        var d = Single(Load(zero), DiagnosticCodes.AdjustmentCap);

        Assert.That(d.JsonPath, Is.EqualTo("$.bonus.cap"));
        Assert.That(At(d), Is.EqualTo(Find(zero, "0", "\"cap\":")));
        Assert.That(Load(above).Diagnostics, Is.Empty);
    }

    [Test]
    public void TargetLiteral_MustBePositive()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "target", "value": "dti", "target": 0 }""");

        var d = Single(Load(text), DiagnosticCodes.TargetNotPositive);

        Assert.That(d.JsonPath, Is.EqualTo(C + ".target"));
        Assert.That(At(d), Is.EqualTo(Find(text, "0", "\"A.3\"", "\"target\":")));
    }

    [Test]
    public void RankPoints_MustNotIncreaseAndStayWithinMax()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 10, "method": "rank", "value": "dti", "points": [10, 12, 6, 8], "otherwise": 2 }""");

        var found = Load(text).Diagnostics.Where(d => d.Code == DiagnosticCodes.RankPoints).ToList();

        Assert.That(found.Select(d => d.JsonPath), Is.EqualTo(new[] { C + ".points[1]", C + ".points[3]" }));
        Assert.That(found[0].Message, Does.Contain("`points[1]` = 12 nằm ngoài [0, 10]"));
        Assert.That(found[1].Message, Does.Contain("vị trí 4 được 8 điểm, nhiều hơn vị trí 3 (6 điểm)"));
    }

    [Test]
    public void CountPointsEach_MustBePositive()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "count", "value": "n", "pointsEach": 0 }""");

        Assert.That(Single(Load(text), DiagnosticCodes.CountPointsEach).JsonPath, Is.EqualTo(C + ".pointsEach"));
    }

    [Test]
    public void Deadline_DeductAndFloorAreChecked()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "deadline", "date": "reportOn", "due": "11-10", "deduct": -1, "per": "week", "floor": 6 }""");

        var found = Load(text).Diagnostics.Where(d => d.Code == DiagnosticCodes.DeadlineSettings).ToList();

        Assert.That(found.Select(d => d.JsonPath), Is.EqualTo(new[] { C + ".deduct", C + ".floor" }));
        Assert.That(found[1].Message, Does.Contain("`floor` = 6 nằm ngoài [0, 5]"));
    }

    [Test]
    public void DeadlineDate_MustNameADateIndicator()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "deadline", "date": "dti", "due": "2025-11-10", "deduct": 1 }""");

        var d = Single(Load(text), DiagnosticCodes.DeadlineNotDate);

        Assert.That(d.Message, Does.Contain("`dti` là chỉ số kiểu \"number\" (số)"));
        Assert.That(At(d), Is.EqualTo(Find(text, "\"dti\"", "\"A.3\"")));
    }

    [Test]
    public void DeadlineDate_UnknownIndicator_SuggestsADateIndicator()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "deadline", "date": "reportOnn", "due": "11-10", "deduct": 1 }""");

        var d = Single(Load(text), DiagnosticCodes.UnknownIdentifier);

        Assert.That(d.Message, Does.Contain("Có phải bạn định viết `reportOn`?"));
    }

    [Test]
    public void CheckPoints_MustNotExceedMax()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "check", "condition": "done", "points": 6 }""");

        Assert.That(Single(Load(text), DiagnosticCodes.CheckPoints).JsonPath, Is.EqualTo(C + ".points"));
    }

    [Test]
    public void ValidDeadlineAndCount_HaveNoDiagnostics()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "deadline", "date": "reportOn", "due": "11-10", "deduct": 1, "per": "week", "floor": 1 }""");

        var result = Load(text);

        Assert.That(result.Diagnostics, Is.Empty);
        var method = (Scoring.Rules.Model.DeadlineMethod)result.Document!.RuleSet.Sections[0].Criteria[2].Method;
        Assert.That(method.Due.For(2026), Is.EqualTo(new NodaTime.LocalDate(2026, 11, 10)));
        Assert.That(method.Per, Is.EqualTo(Scoring.Rules.Model.DeductionUnit.Week));
        Assert.That(method.Floor, Is.EqualTo(1m));
    }

    [Test]
    public void TotalMinAboveMax_IsAnError()
    {
        var text = Edit(r => r["total"] = Newtonsoft.Json.Linq.JObject.Parse("""{ "min": 50, "max": 40 }"""));

        Assert.That(Single(Load(text), DiagnosticCodes.TotalLimits).Severity, Is.EqualTo(DiagnosticSeverity.Error));
    }
}
