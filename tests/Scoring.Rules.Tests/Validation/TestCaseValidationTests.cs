using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

public sealed class TestCaseValidationTests
{
    private static string WithTest(string testJson) => Edit(r => r["tests"] = new JArray(JObject.Parse(testJson)));

    [Test]
    public void ValidTest_HasNoDiagnostics_AndIsReadIntoTheModel()
    {
        var text = WithTest("""
            { "name": "đủ", "year": 2026, "values": { "dti": 0.5, "done": true, "reportOn": "2026-11-09", "n": 3 },
              "peers": [ { "code": "B", "values": { "dti": 0.9 } } ],
              "expect": { "criteria": { "A.1": 20, "A.2": 10 }, "total": 30, "grade": "good" } }
            """);

        var result = Load(text);

        Assert.That(result.Diagnostics, Is.Empty);
        var test = result.Document!.RuleSet.Tests[0];
        Assert.That(test.Values["reportOn"].Date, Is.EqualTo(new NodaTime.LocalDate(2026, 11, 9)));
        Assert.That(test.Values["done"].Boolean, Is.True);
        Assert.That(test.Values["n"].Type, Is.EqualTo(Scoring.Rules.Model.IndicatorType.Count));
        Assert.That(test.Peers[0].Values["dti"].Number, Is.EqualTo(0.9m));
        Assert.That(test.ExpectedCriteria["A.1"], Is.EqualTo(20m));
        Assert.That((test.ExpectedTotal, test.ExpectedGrade), Is.EqualTo(((decimal?)30m, "good")));
    }

    [Test]
    public void TestProblems_AreAllReported()
    {
        var text = WithTest("""
            { "name": "sai", "year": 2031, "values": { "dti": 1.5, "done": 1, "reportOn": true, "n": 2.5, "dtii": 1 },
              "peers": [ { "code": "B", "values": { "dti": "2025-01-01" } } ],
              "expect": { "criteria": { "A.1": 25, "A.9": 1 }, "grade": "gud" } }
            """);

        var found = Load(text).Diagnostics.Select(d => (d.Code, d.JsonPath)).ToList();

        Assert.That(found, Is.EquivalentTo(new[]
        {
            (DiagnosticCodes.TestYear, "$.tests[0].year"),
            (DiagnosticCodes.TestValueRange, "$.tests[0].values.dti"),
            (DiagnosticCodes.TestValueType, "$.tests[0].values.done"),
            (DiagnosticCodes.TestValueType, "$.tests[0].values.reportOn"),
            (DiagnosticCodes.TestValueType, "$.tests[0].values.n"),
            (DiagnosticCodes.TestUnknownReference, "$.tests[0].values.dtii"),
            (DiagnosticCodes.TestValueType, "$.tests[0].peers[0].values.dti"),
            (DiagnosticCodes.TestValueRange, "$.tests[0].expect.criteria['A.1']"),
            (DiagnosticCodes.TestUnknownReference, "$.tests[0].expect.criteria['A.9']"),
            (DiagnosticCodes.TestGrade, "$.tests[0].expect.grade"),
        }));
    }

    [Test]
    public void ExpectedCriterionWithDots_IsPositionedAtItsValue()
    {
        var text = WithTest("""{ "name": "x", "year": 2025, "values": {}, "expect": { "criteria": { "A.9": 1 } } }""");

        var d = Single(Load(text), DiagnosticCodes.TestUnknownReference);

        Assert.That(At(d), Is.EqualTo(Find(text, "1", "\"A.9\":")));
        Assert.That(d.Message, Does.Contain("Có phải bạn định viết `A.1`?"));
    }

    [Test]
    public void ExpectedTotalOutsideTheLimits_IsAnError()
    {
        var text = WithTest("""{ "name": "x", "year": 2025, "values": {}, "expect": { "total": 35.5 } }""");

        var d = Single(Load(text), DiagnosticCodes.TestValueRange);

        Assert.That(d.JsonPath, Is.EqualTo("$.tests[0].expect.total"));
        Assert.That(d.Message, Does.Contain("nằm ngoài [0, 35]"));
    }

    [Test]
    public void DuplicatePeerCodes_AreAnError()
    {
        var text = WithTest("""{ "name": "x", "year": 2025, "values": {}, "peers": [ { "code": "B", "values": {} }, { "code": "B", "values": {} } ] }""");

        Assert.That(Single(Load(text), DiagnosticCodes.TestPeer).JsonPath, Is.EqualTo("$.tests[0].peers[1].code"));
    }
}
