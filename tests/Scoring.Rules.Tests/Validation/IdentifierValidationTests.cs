using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

public sealed class IdentifierValidationTests
{
    [Test]
    public void DuplicateIndicatorId_PointsAtTheSecondAndNamesTheFirst()
    {
        var text = Edit(r => r["indicators"]![3]!["id"] = "dti");

        var d = Single(Load(text), DiagnosticCodes.DuplicateId);

        Assert.That(d.JsonPath, Is.EqualTo("$.indicators[3].id"));
        Assert.That(d.Message, Is.EqualTo("Mã chỉ số `dti` bị trùng: đã được dùng ở $.indicators[0]."));
        Assert.That(At(d), Is.EqualTo(Find(text, "\"dti\"", "\"reportOn\"")));
    }

    [Test]
    public void DuplicateCriterionId_AcrossSectionsAndBonus_IsReported()
    {
        var text = Edit(r =>
        {
            r["sections"]![0]!["criteria"]![1]!["id"] = "A.1";
            r["bonus"] = JObject.Parse("""{ "cap": 5, "criteria": [ { "id": "A.1", "title": "t", "maxPoints": 5, "method": "count", "value": "n", "pointsEach": 1 } ] }""");
        });

        var found = Load(text).Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateId).Select(d => d.JsonPath);

        Assert.That(found, Is.EqualTo(new[] { "$.sections[0].criteria[1].id", "$.bonus.criteria[0].id" }));
    }

    [Test]
    public void DuplicateSectionGradeAwardAndTestNames_AreReported()
    {
        var text = Edit(r =>
        {
            var section = (JObject)r["sections"]![0]!.DeepClone();
            section["criteria"]![0]!["id"] = "B.1";
            section["criteria"]![1]!["id"] = "B.2";
            ((JArray)r["sections"]!).Add(section);
            ((JArray)r["grades"]!).Insert(1, JObject.Parse("""{ "id": "good", "title": "x", "minTotal": 10 }"""));
            r["awards"] = JArray.Parse("""[ { "id": "a", "title": "A", "precedence": 2 }, { "id": "a", "title": "A", "precedence": 1 } ]""");
            r["tests"] = JArray.Parse("""[ { "name": "t", "year": 2025, "values": {} }, { "name": "t", "year": 2025, "values": {} } ]""");
        });

        var found = Load(text).Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateId).Select(d => d.JsonPath);

        Assert.That(found, Is.EquivalentTo(new[] { "$.sections[1].id", "$.grades[1].id", "$.awards[1].id", "$.tests[1].name" }));
    }

    [Test]
    public void TieBreaker_UnknownReference_SuggestsTheClosest()
    {
        var text = Edit(r => r["tieBreakers"] = JArray.Parse("""[ { "by": "criterion", "ref": "A.3" }, { "by": "section", "ref": "A" }, { "by": "indicator", "ref": "reportOn" }, { "by": "penalty" } ]"""));

        var found = Load(text).Diagnostics.Where(d => d.Code == DiagnosticCodes.TieBreakerRef).ToList();

        Assert.That(found.Select(d => d.JsonPath), Is.EqualTo(new[] { "$.tieBreakers[0].ref", "$.tieBreakers[2].ref" }));
        Assert.That(found[0].Message, Does.Contain("Có phải bạn định viết `A.1`?"));
        Assert.That(found[1].Message, Does.Contain("chỉ số kiểu ngày không so sánh được"));
        Assert.That(At(found[0]), Is.EqualTo(Find(text, "\"A.3\"")));
    }

    [Test]
    public void TieBreaker_ByPenaltyWithRef_IsAnError()
    {
        var text = Edit(r => r["tieBreakers"] = JArray.Parse("""[ { "by": "penalty", "ref": "x" } ]"""));

        Assert.That(Single(Load(text), DiagnosticCodes.TieBreakerRef).JsonPath, Is.EqualTo("$.tieBreakers[0].ref"));
    }
}
