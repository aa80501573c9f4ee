using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

public sealed class BandsValidationTests
{
    private static string WithBands(string bandsJson, string value = "dti", decimal maxPoints = 10) =>
        WithCriterion($$"""{ "id": "B.1", "title": "b", "maxPoints": {{maxPoints}}, "method": "bands", "value": "{{value}}", "bands": {{bandsJson}} }""");

    private const string Row = "$.sections[0].criteria[2].bands";

    [Test]
    public void WellFormedTable_HasNoDiagnostics()
    {
        var text = WithBands("""[ { "atLeast": 0.8, "points": 10 }, { "atLeast": 0.5, "below": 0.8, "points": 5 }, { "points": 0 } ]""");

        Assert.That(Load(text).Diagnostics, Is.Empty);
    }

    [Test]
    public void MissingCatchAll_IsAnErrorOnTheLastRow()
    {
        var text = WithBands("""[ { "atLeast": 0.8, "points": 10 }, { "below": 0.8, "points": 5 } ]""");

        var d = Single(Load(text), DiagnosticCodes.BandsCatchAllMissing);

        Assert.That(d.JsonPath, Is.EqualTo(Row + "[1]"));
        Assert.That(At(d), Is.EqualTo(Find(text, "{", after: "\"points\": 10")));
    }

    [Test]
    public void RowsAfterCatchAll_AreUnreachableErrors()
    {
        var text = WithBands("""[ { "atLeast": 0.8, "points": 10 }, { "points": 0 }, { "atLeast": 0.5, "points": 5 } ]""");

        var d = Single(Load(text), DiagnosticCodes.BandsAfterCatchAll);

        Assert.That(d.JsonPath, Is.EqualTo(Row + "[2]"));
        Assert.That(d.Message, Does.Contain("bậc `bands[2]` không bao giờ được áp dụng vì đứng sau bậc còn lại `bands[1]`"));
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
    }

    [Test]
    public void RowCoveredByEarlierRows_IsAnError()
    {
        var text = WithBands("""
            [ { "atLeast": 0.8, "points": 10 }, { "atLeast": 0.5, "below": 0.8, "points": 5 },
              { "atLeast": 0.6, "atMost": 0.9, "points": 7 }, { "points": 0 } ]
            """);

        var d = Single(Load(text), DiagnosticCodes.BandsRowCovered);

        Assert.That(d.JsonPath, Is.EqualTo(Row + "[2]"));
        Assert.That(d.Message, Does.Contain("bậc `bands[2]` [0.6, 0.9] (từ 0.6 đến 0.9) không bao giờ được áp dụng").And.Contain("`bands[0]` [0.8, +∞) (từ 0.8 trở lên), `bands[1]` [0.5, 0.8) (từ 0.5 đến dưới 0.8)"));
        Assert.That(Load(text).Diagnostics.Count(x => x.Code == DiagnosticCodes.BandsOverlap), Is.Zero);
    }

    [Test]
    public void OverlappingRows_AreAnErrorNamingBothRowsAndTheOverlap()
    {
        var text = WithBands("""[ { "atLeast": 0.8, "points": 10 }, { "atLeast": 0.5, "atMost": 0.8, "points": 5 }, { "points": 0 } ]""");

        var result = Load(text);

        var d = Single(result, DiagnosticCodes.BandsOverlap);
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(d.JsonPath, Is.EqualTo(Row + "[1]"));
        Assert.That(d.Message, Does.Contain("bậc `bands[0]` [0.8, +∞) (từ 0.8 trở lên) và bậc `bands[1]` [0.5, 0.8] (từ 0.5 đến 0.8) chồng lên nhau ở giá trị 0.8"));
        Assert.That(result.Succeeded, Is.False, "an overlapping table cannot be published");
    }

    [Test]
    public void TwoSidedRowsOverlapping_BlockTheRuleSet()
    {
        var text = WithBands("""[ { "atLeast": 0.5, "atMost": 0.8, "points": 10 }, { "atLeast": 0.7, "below": 0.9, "points": 5 }, { "points": 0 } ]""");

        var result = Load(text);

        var d = Single(result, DiagnosticCodes.BandsOverlap);
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(d.Message, Does.Contain("chồng lên nhau ở khoảng [0.7, 0.8] (từ 0.7 đến 0.8)"));
        Assert.That(d.Fix, Does.Contain("`below`"));
        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public void GapBetweenRows_IsAWarningNamingTheInterval()
    {
        var text = WithBands("""[ { "atLeast": 0.8, "points": 10 }, { "atLeast": 0.5, "below": 0.65, "points": 5 }, { "points": 0 } ]""");

        var d = Single(Load(text), DiagnosticCodes.BandsGap);

        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(d.JsonPath, Is.EqualTo(Row));
        Assert.That(d.Message, Does.Contain("các giá trị thuộc khoảng [0.65, 0.8) (từ 0.65 đến dưới 0.8) không khớp bậc nào và rơi vào bậc còn lại `bands[2]` (0 điểm)"));
        Assert.That(At(d), Is.EqualTo(Find(text, "[", "\"B.1\"", "\"bands\"")));
    }

    [Test]
    public void GapOutsideTheIndicatorsRange_IsIgnored()
    {
        // dti is declared in [0, 1]: the hole (1, 2) cannot happen.
        var text = WithBands("""[ { "atLeast": 2, "points": 10 }, { "atLeast": 0.5, "atMost": 1, "points": 5 }, { "points": 0 } ]""");

        Assert.That(Load(text).Diagnostics.Where(d => d.Code == DiagnosticCodes.BandsGap), Is.Empty);
    }

    [Test]
    public void GapWithoutWholeNumbers_IsIgnoredForCounts()
    {
        var text = WithBands("""[ { "atLeast": 3, "points": 10 }, { "atLeast": 1, "atMost": 2, "points": 5 }, { "points": 0 } ]""", value: "n");
        var real = WithBands("""[ { "atLeast": 3, "points": 10 }, { "atLeast": 1, "atMost": 2, "points": 5 }, { "points": 0 } ]""", value: "x")
            .Replace("\"indicators\": [", "\"indicators\": [ { \"id\": \"x\", \"type\": \"number\", \"title\": \"X\" },", StringComparison.Ordinal);

        Assert.That(Load(text).Diagnostics, Is.Empty);
        Assert.That(Single(Load(real), DiagnosticCodes.BandsGap).Message, Does.Contain("khoảng (2, 3) (trên 2 và dưới 3)"));
    }

    [Test]
    public void LowerAboveUpper_IsAnError()
    {
        var text = WithBands("""[ { "atLeast": 0.8, "below": 0.5, "points": 10 }, { "points": 0 } ]""");

        var d = Single(Load(text), DiagnosticCodes.BandsEmptyRow);

        Assert.That(d.JsonPath, Is.EqualTo(Row + "[0]"));
        Assert.That(d.Message, Does.Contain("`atLeast` 0.8, `below` 0.5"));
    }

    [Test]
    public void PointsAboveMax_IsAnErrorOnThePoints()
    {
        var text = WithBands("""[ { "atLeast": 0.8, "points": 12 }, { "points": -1 } ]""");

        var found = Load(text).Diagnostics.Where(d => d.Code == DiagnosticCodes.BandsPoints).ToList();

        Assert.That(found.Select(d => d.JsonPath), Is.EqualTo(new[] { Row + "[0].points", Row + "[1].points" }));
        Assert.That(At(found[0]), Is.EqualTo(Find(text, "12", after: "\"B.1\"")));
        Assert.That(found[0].Message, Does.Contain("điểm của bậc (12) nằm ngoài [0, 10]"));
    }

    [Test]
    public void BothLowerBounds_IsAnError()
    {
        var text = WithBands("""[ { "atLeast": 0.8, "above": 0.7, "points": 10 }, { "points": 0 } ]""");

        Assert.That(Single(Load(text), DiagnosticCodes.BandsConflictingBounds).Message, Does.Contain("`atLeast` và `above`"));
    }

    [Test]
    public void ExampleTable_FromTheCatalogExample_IsClean()
    {
        var text = WithBands("""
            [ { "atLeast": 0.8, "points": 10 }, { "atLeast": 0.65, "below": 0.8, "points": 7 },
              { "atLeast": 0.5, "below": 0.65, "points": 4 }, { "points": 0 } ]
            """);

        Assert.That(Load(text).Diagnostics, Is.Empty);
    }

    [Test]
    public void EmptyBands_IsAnError()
    {
        var text = WithBands("[]");

        Assert.That(Single(Load(text), DiagnosticCodes.BandsCatchAllMissing).Message, Does.Contain("không có bậc nào"));
    }

    [Test]
    public void OpenAndClosedEndsMeeting_LeaveNoGap()
    {
        var text = WithBands("""[ { "above": 0.5, "points": 10 }, { "atLeast": 0.2, "atMost": 0.5, "points": 5 }, { "points": 0 } ]""");

        Assert.That(Load(text).Diagnostics, Is.Empty);
    }

    [TestCase("""[ { "atLeast": 0.9, "points": 10 }, { "atLeast": 0.7, "points": 7 }, { "atLeast": 0.5, "points": 4 }, { "points": 0 } ]""")]
    [TestCase("""[ { "below": 0.2, "points": 10 }, { "atMost": 0.5, "points": 5 }, { "points": 0 } ]""")]
    public void LadderOfOneSidedRows_IsNotAnOverlap(string bands)
    {
        Assert.That(Load(WithBands(bands)).Diagnostics, Is.Empty);
    }

    [Test]
    public void LadderRowBelowALowerOne_IsStillUnreachable()
    {
        var text = WithBands("""[ { "atLeast": 0.5, "points": 4 }, { "atLeast": 0.7, "points": 7 }, { "points": 0 } ]""");

        Assert.That(Single(Load(text), DiagnosticCodes.BandsRowCovered).JsonPath, Is.EqualTo(Row + "[1]"));
    }
}
