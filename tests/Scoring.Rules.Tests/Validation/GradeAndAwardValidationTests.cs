using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

public sealed class GradeAndAwardValidationTests
{
    [Test]
    public void NoGrades_IsAnError()
    {
        var text = Edit(r => r["grades"] = new JArray());

        Assert.That(Single(Load(text), DiagnosticCodes.GradesMissing).JsonPath, Is.EqualTo("$.grades"));
    }

    [Test]
    public void LastGradeNotCatchAll_IsAnError()
    {
        var text = Edit(r => r["grades"]![1]!["minTotal"] = 0);

        var d = Single(Load(text), DiagnosticCodes.GradesCatchAll);

        Assert.That(d.JsonPath, Is.EqualTo("$.grades[1]"));
        Assert.That(At(d), Is.EqualTo(Find(text, "{", "\"Tốt\"")));
    }

    [Test]
    public void CatchAllBeforeTheEnd_IsAnError()
    {
        var text = Edit(r => ((JArray)r["grades"]!).Insert(0, JObject.Parse("""{ "id": "all", "title": "Tất cả" }""")));

        var d = Single(Load(text), DiagnosticCodes.GradesCatchAll);

        Assert.That(d.JsonPath, Is.EqualTo("$.grades[0]"));
        Assert.That(d.Message, Does.Contain("các mức xếp loại sau nó không bao giờ được xếp"));
    }

    [Test]
    public void MinTotalNotDecreasing_IsAWarningExplainingWhy()
    {
        var text = Edit(r => ((JArray)r["grades"]!).Insert(1, JObject.Parse("""{ "id": "better", "title": "Hơn", "minTotal": 25 }""")));

        var result = Load(text);

        var d = Single(result, DiagnosticCodes.GradesOrder);
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(d.JsonPath, Is.EqualTo("$.grades[1].minTotal"));
        Assert.That(d.Message, Does.Contain("mọi tổng điểm ≥ 25 đã được xếp `good` (`minTotal` 20), nên `better` không bao giờ được xếp"));
        Assert.That(result.Succeeded, Is.True);
    }

    private static string WithAwards(string awardsJson) => Edit(r => r["awards"] = JArray.Parse(awardsJson));

    [Test]
    public void Awards_AllReferenceProblemsAreReportedTogether()
    {
        var text = WithAwards("""
            [
              { "id": "co", "title": "Cờ", "precedence": 3, "grades": ["god"], "years": [2024, 2026],
                "quota": { "perGroup": 0, "maxShare": 1.5, "shareOf": "bang-khen" },
                "prerequisites": [ { "kind": "qualifiesFor", "award": "co" }, { "kind": "awardInPreviousYears", "award": "giay", "years": 2 } ] },
              { "id": "bang", "title": "Bằng", "precedence": 3, "maxRank": 0,
                "prerequisites": [ { "kind": "gradeInPreviousYears", "grades": ["other", "gud"], "years": 1 } ] }
            ]
            """);

        var errors = Load(text).Diagnostics.Select(d => (d.Code, d.JsonPath)).ToList();

        Assert.That(errors, Is.EquivalentTo(new[]
        {
            (DiagnosticCodes.AwardGrade, "$.awards[0].grades[0]"),
            (DiagnosticCodes.AwardYears, "$.awards[0].years[0]"),
            (DiagnosticCodes.AwardQuota, "$.awards[0].quota.perGroup"),
            (DiagnosticCodes.AwardMaxShare, "$.awards[0].quota.maxShare"),
            (DiagnosticCodes.AwardShareOf, "$.awards[0].quota.shareOf"),
            (DiagnosticCodes.AwardPrerequisite, "$.awards[0].prerequisites[0].award"),
            (DiagnosticCodes.AwardPrerequisite, "$.awards[0].prerequisites[1].award"),
            (DiagnosticCodes.AwardPrecedence, "$.awards[1].precedence"),
            (DiagnosticCodes.AwardQuota, "$.awards[1].maxRank"),
            (DiagnosticCodes.AwardGrade, "$.awards[1].prerequisites[0].grades[1]"),
        }));
    }

    [Test]
    public void AwardUnknownGrade_SuggestsAndPointsAtTheEntry()
    {
        var text = WithAwards("""[ { "id": "co", "title": "Cờ", "precedence": 3, "grades": ["good", "god"] } ]""");

        var d = Single(Load(text), DiagnosticCodes.AwardGrade);

        Assert.That(d.Message, Does.Contain("Có phải bạn định viết `good`?"));
        Assert.That(At(d), Is.EqualTo(Find(text, "\"god\"")));
    }

    [Test]
    public void ValidAwards_HaveNoDiagnostics()
    {
        var text = WithAwards("""
            [
              { "id": "co", "title": "Cờ", "precedence": 3, "grades": ["good"], "maxRank": 1, "quota": { "perGroup": 1 },
                "prerequisites": [ { "kind": "gradeInPreviousYears", "grades": ["good"], "years": 1 } ] },
              { "id": "bang", "title": "Bằng", "precedence": 2, "minTotal": 20,
                "quota": { "perGroup": 3, "maxShare": 0.2, "shareOf": "group" },
                "prerequisites": [ { "kind": "qualifiesFor", "award": "co" } ] },
              { "id": "giay", "title": "Giấy", "precedence": 1, "quota": { "maxShare": 0.5, "shareOf": "bang" } }
            ]
            """);

        var result = Load(text);

        Assert.That(result.Diagnostics, Is.Empty);
        var award = result.Document!.RuleSet.Awards[1];
        Assert.That(award.Quota, Is.EqualTo(new Scoring.Rules.Model.AwardQuota(3, null, 0.2m, "group")));
        Assert.That(award.Prerequisites[0].Kind, Is.EqualTo(Scoring.Rules.Model.PrerequisiteKind.QualifiesFor));
    }

    [Test]
    public void GradeInPreviousYearsWithoutGrades_IsAnError()
    {
        var text = WithAwards("""[ { "id": "co", "title": "Cờ", "precedence": 3, "prerequisites": [ { "kind": "gradeInPreviousYears", "years": 0 } ] } ]""");

        var found = Load(text).Diagnostics.Where(d => d.Code == DiagnosticCodes.AwardPrerequisite).Select(d => d.JsonPath);

        Assert.That(found, Is.EqualTo(new[] { "$.awards[0].prerequisites[0].grades", "$.awards[0].prerequisites[0].years" }));
    }

    [Test]
    public void SamePrecedenceInDifferentYears_IsAllowed()
    {
        const string awards = """
            [ { "id": "so-ket", "title": "Sơ kết", "precedence": 25, "years": [2027] },
              { "id": "tong-ket", "title": "Tổng kết", "precedence": 25, "years": [2030] },
              { "id": "hang-nam", "title": "Hằng năm", "precedence": 25, "years": [2025, 2026] } ]
            """;
        var text = WithAwards(awards);
        var clash = WithAwards(awards.Replace("[2025, 2026]", "[2026, 2027]", StringComparison.Ordinal));

        Assert.That(Load(text).Diagnostics, Is.Empty);
        var d = Single(Load(clash), DiagnosticCodes.AwardPrecedence);
        Assert.That(d.JsonPath, Is.EqualTo("$.awards[2].precedence"));
        Assert.That(d.Message, Does.Contain("trùng với `so-ket`"));
    }

    [Test]
    public void GradeAboveTheHighestPossibleTotal_IsAWarning()
    {
        // Base 30 + bonus cap 5: the total cannot exceed 35.
        var text = Edit(r => r["grades"]![0]!["minTotal"] = 36);

        var d = Single(Load(text), DiagnosticCodes.GradesOrder);

        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(d.Message, Is.EqualTo("Mức xếp loại `good` cần tổng điểm 36, cao hơn tổng điểm tối đa có thể đạt (35): không đơn vị nào được xếp mức này."));
    }
}
