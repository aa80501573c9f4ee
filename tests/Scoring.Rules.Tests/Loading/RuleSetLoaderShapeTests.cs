using Newtonsoft.Json.Linq;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Loading;

/// <summary>Shape problems the reader reports: unknown properties, types, missing fields, enums, formats.</summary>
public sealed class RuleSetLoaderShapeTests
{
    [Test]
    public void UnknownProperty_PointsAtTheNameAndSuggestsTheClosest()
    {
        var text = Minimal.Replace("\"title\": \"a1\", \"maxPoints\": 20", "\"title\": \"a1\", \"maxPoint\": 20", StringComparison.Ordinal);

        var result = Load(text);

        var d = Single(result, DiagnosticCodes.UnknownProperty);
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].criteria[0].maxPoint"));
        // Line 20 of the text is the criterion A.1; "maxPoint" starts at column 39.
        Assert.That(At(d), Is.EqualTo((20, 39)));
        Assert.That(At(d), Is.EqualTo(Find(text, "\"maxPoint\"")));
        Assert.That(d.Message, Does.Contain("Có phải bạn định viết `maxPoints`?"));
        Assert.That(d.Fix, Does.Contain("maxPoints"));
        Assert.That(d.File, Is.EqualTo(FileName));
        Assert.That(result.Document, Is.Null);
    }

    [Test]
    public void UnknownProperty_WithoutCloseName_ListsAllowedProperties()
    {
        var text = Edit(r => r["zzzzzz"] = 1);

        var d = Single(Load(text), DiagnosticCodes.UnknownProperty);

        Assert.That(d.Message, Does.Not.Contain("Có phải bạn định viết"));
        Assert.That(d.Fix, Does.Contain("indicators"));
        Assert.That(At(d), Is.EqualTo(Find(text, "\"zzzzzz\"")));
    }

    [Test]
    public void WrongType_ReportsExpectedAndFound()
    {
        var text = Edit(r => r["sections"]![0]!["maxPoints"] = "30");

        var d = Single(Load(text), DiagnosticCodes.WrongType);

        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].maxPoints"));
        Assert.That(d.Message, Is.EqualTo("Cần một số nhưng gặp chuỗi \"30\"."));
        Assert.That(At(d), Is.EqualTo(Find(text, "\"30\"", after: "\"maxPoints\"")));
    }

    [Test]
    public void WrongType_DoesNotCascadeIntoTheSectionSum()
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![0]!["maxPoints"] = true);

        var result = Load(text);

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { DiagnosticCodes.WrongType }));
    }

    [Test]
    public void MissingRequired_PointsAtTheEnclosingObject()
    {
        var text = Edit(r => ((JObject)r["sections"]![0]!["criteria"]![1]!).Remove("title"));

        var d = Single(Load(text), DiagnosticCodes.MissingProperty);

        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].criteria[1].title"));
        Assert.That(d.Message, Does.Contain("Thiếu thuộc tính bắt buộc `title` trong tiêu chí `A.2`"));
        Assert.That(At(d), Is.EqualTo(Find(text, "{", after: "\"points\": 0")));
    }

    [Test]
    public void BadEnumValue_ListsAllowedValuesAndSuggests()
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![0]!["method"] = "band");

        var result = Load(text);

        var d = Single(result, DiagnosticCodes.InvalidEnumValue);
        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].criteria[0].method"));
        Assert.That(d.Message, Does.Contain("Có phải bạn định viết `bands`?"));
        Assert.That(d.Fix, Does.Contain("\"bands\", \"target\", \"relative\", \"rank\", \"check\", \"count\", \"deadline\", \"expression\""));
        Assert.That(At(d), Is.EqualTo(Find(text, "\"band\"")));
        // The method is unknown, so its properties are not reported as unknown too.
        Assert.That(result.Diagnostics, Has.Length.EqualTo(1));
    }

    [Test]
    public void PropertyOfAnotherMethod_SaysWhichMethodOwnsIt()
    {
        var text = Edit(r => r["sections"]![0]!["criteria"]![1]!["pointsEach"] = 2);

        var d = Single(Load(text), DiagnosticCodes.PropertyNotForMethod);

        Assert.That(d.Message, Is.EqualTo("Thuộc tính `pointsEach` thuộc phương pháp chấm `count`, không thuộc `check`."));
        Assert.That(At(d), Is.EqualTo(Find(text, "\"pointsEach\"")));
    }

    [Test]
    public void InvalidJson_GivesOneErrorAtNewtonsoftsPosition()
    {
        const string text = "{\n  \"format\": 1\n  \"id\": \"x\"\n}";

        var result = Load(text);

        Assert.That(result.Diagnostics, Has.Length.EqualTo(1));
        var d = result.Diagnostics[0];
        Assert.That(d.Code, Is.EqualTo(DiagnosticCodes.InvalidJson));
        // Newtonsoft's position counts the characters read on the line: the two spaces before the unexpected quote.
        Assert.That(At(d), Is.EqualTo((3, 2)));
        Assert.That(d.Message, Is.EqualTo("Tệp không phải JSON hợp lệ: gặp ký tự không mong đợi `\"` sau một giá trị (có thể thiếu dấu phẩy)."));
        Assert.That(d.Message, Does.Not.Contain("line 3").And.Not.Contain("dòng"));
        Assert.That(result.Document, Is.Null);
    }

    [Test]
    public void TrailingText_IsInvalidJson()
    {
        var d = Single(Load(Minimal + "\n}"), DiagnosticCodes.InvalidJson);

        Assert.That(d.Message, Is.EqualTo("Tệp không phải JSON hợp lệ: còn văn bản `}` sau khi đối tượng JSON đã kết thúc."));
    }

    [Test]
    public void DuplicateJsonProperty_IsReported()
    {
        const string text = "{\n  \"format\": 1,\n  \"format\": 1\n}";

        var d = Single(Load(text), DiagnosticCodes.DuplicateJsonProperty);

        Assert.That(d.Line, Is.EqualTo(3));
        Assert.That(d.Message, Is.EqualTo("Thuộc tính `format` xuất hiện hai lần trong cùng một đối tượng JSON."));
    }

    [Test]
    public void RootArray_IsReported()
    {
        Assert.That(Single(Load("[1]"), DiagnosticCodes.RootNotObject).JsonPath, Is.EqualTo("$"));
    }

    [TestCase("format", "2", DiagnosticCodes.UnsupportedFormat)]
    [TestCase("id", "\"Son La\"", DiagnosticCodes.InvalidFormat)]
    [TestCase("version", "\"1.0\"", DiagnosticCodes.InvalidFormat)]
    [TestCase("precision", "7", DiagnosticCodes.OutOfRange)]
    public void HeaderFormats_AreChecked(string property, string json, string code)
    {
        var text = Edit(r => r[property] = JToken.Parse(json));

        var d = Single(Load(text), code);

        Assert.That(d.JsonPath, Is.EqualTo("$." + property));
        Assert.That(At(d), Is.EqualTo(Find(text, json, after: $"\"{property}\"")));
    }

    [TestCase("1.0.0")]
    [TestCase("2.10.3-draft.1")]
    public void SemanticVersions_AreAccepted(string version)
    {
        Assert.That(Load(Edit(r => r["version"] = version)).Diagnostics, Is.Empty);
    }

    [Test]
    public void IndicatorId_MustBeAnIdentifier()
    {
        var text = Edit(r => r["indicators"]![3]!["id"] = "so-luong");

        var result = Load(text);

        Assert.That(Single(result, DiagnosticCodes.InvalidFormat).JsonPath, Is.EqualTo("$.indicators[3].id"));
    }

    [Test]
    public void InvalidDue_IsReportedWithBothFormats()
    {
        var text = WithCriterion("""{ "id": "A.3", "title": "t", "maxPoints": 5, "method": "deadline", "date": "reportOn", "due": "10/11", "deduct": 1 }""");

        var d = Single(Load(text), DiagnosticCodes.InvalidFormat);

        Assert.That(d.JsonPath, Is.EqualTo("$.sections[0].criteria[2].due"));
        Assert.That(d.Fix, Does.Contain("\"11-10\""));
    }

    [Test]
    public void ManyProblems_AreAllReportedInFileOrder()
    {
        var text = Edit(r =>
        {
            r["format"] = 3;
            r["titel"] = "x";
            r["indicators"]![0]!["type"] = "numeric";
            r["sections"]![0]!["maxPoints"] = 31;
            r["grades"]![1]!["minTotal"] = 5;
        });

        var result = Load(text);

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[]
        {
            DiagnosticCodes.UnsupportedFormat,
            DiagnosticCodes.InvalidEnumValue,
            DiagnosticCodes.SectionSumMismatch,
            DiagnosticCodes.GradesCatchAll,
            DiagnosticCodes.UnknownProperty,
        }));
        Assert.That(result.Diagnostics.Select(d => d.Line), Is.Ordered);
    }

    [Test]
    public void PercentWithoutRange_DefaultsTo0To100()
    {
        var text = Edit(r => ((JArray)r["indicators"]!).Add(JObject.Parse("""{ "id": "p", "type": "percent", "title": "P" }""")));

        var indicator = Load(text).Document!.RuleSet.Indicators[^1];

        Assert.That((indicator.Min, indicator.Max), Is.EqualTo(((decimal?)0m, (decimal?)100m)));
    }
}
