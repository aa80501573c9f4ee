using Microsoft.Extensions.Primitives;
using Newtonsoft.Json.Linq;

namespace Scoring.Host.Tests.Workbench;

/// <summary>
/// The structured editor's fields: numbers shown vi-VN by the one formatter and read back (also with a decimal point),
/// years without a thousands separator, and the forms of parts once editable only as JSON (indicator source and
/// evidence, award authority and prerequisites, phases, test cases) writing the JSON the validator reads.
/// </summary>
internal sealed class DraftFormTests
{
    [TestCase("0.8", FieldKind.Number, "0,8")]
    [TestCase("1000", FieldKind.Number, "1.000")]
    [TestCase("1200.5", FieldKind.Number, "1.200,5")]
    [TestCase("10", FieldKind.Number, "10")]
    [TestCase("2025", FieldKind.Year, "2025")]
    [TestCase("[10, 8.5, 6]", FieldKind.NumberList, "10; 8,5; 6")]
    [TestCase("[2027, 2030]", FieldKind.YearList, "2027; 2030")]
    public void ANumber_IsShownTheVietnameseWay(string json, FieldKind kind, string shown) =>
        Assert.That(DraftForm.Text(JToken.Parse(json), kind), Is.EqualTo(shown));

    [TestCase("0,8", "0.8")]
    [TestCase("0.85", "0.85")]
    [TestCase("0.812", "0.812")]
    [TestCase("1.000", "1000")]
    [TestCase("12.500,5", "12500.5")]
    [TestCase("1,5", "1.5")]
    [TestCase("-2", "-2")]
    [TestCase("10", "10")]
    [TestCase("mười", "\"mười\"")]
    public void WhatIsTyped_IsReadBack(string typed, string json)
    {
        var root = JObject.Parse("""{ "x": 1 }""");
        DraftFormInput.Apply(root, [new("n:$.x", new StringValues(typed))], null);
        Assert.That(root["x"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(json));
    }

    [Test]
    public void AnUntouchedForm_ChangesNothing_EvenForVietnameseNumbersAndMaps()
    {
        var json = """
            { "years": { "from": 2025, "to": 2030 }, "precision": 2,
              "indicators": [ { "id": "dti", "type": "number", "min": 0, "max": 1, "source": "imported", "evidence": true } ],
              "tests": [ { "name": "A", "year": 2025, "values": { "dti": 0.812, "held": true, "on": "2025-11-12", "none": null },
                           "peers": [ { "code": "B", "values": { "dti": 0.7 } } ], "expect": { "criteria": { "I.1": 7.5 }, "grade": "tot" } } ] }
            """;
        var root = JObject.Parse(json);
        var form = DraftForm.Build(root).SelectMany(Fields).Select(f => new KeyValuePair<string, StringValues>(f.Name, f.Value.Replace("\n", "\r\n", StringComparison.Ordinal))).ToList();
        Assert.That(form.Select(f => f.Key), Does.Contain("m:$.tests[0].values").And.Contain("c:$.indicators[0].source").And.Contain("b:$.indicators[0].evidence"));
        DraftFormInput.Apply(root, form, null);
        Assert.That(JToken.DeepEquals(root, JObject.Parse(json)), Is.True, root.ToString());
    }

    [Test]
    public void TheNewForms_WriteTheirParts()
    {
        var root = JObject.Parse("""
            { "years": { "from": 2025, "to": 2030 },
              "indicators": [ { "id": "dti", "type": "number" } ],
              "awards": [ { "id": "bang-khen", "title": "Bằng khen", "precedence": 20 } ],
              "tests": [ { "name": "A", "year": 2025, "values": {}, "expect": { "criteria": {} } } ] }
            """);
        DraftFormInput.Apply(root,
        [
            new("c:$.indicators[0].source", "imported"), new("b:$.indicators[0].evidence", "true"),
            new("c:$.awards[0].authority.level", "provincial-chairman"), new("t:$.awards[0].authority.tenant", "gia-lai"),
            new("m:$.tests[0].values", "dti: 0,812\r\nheld: true\r\nreportSubmittedOn: 2025-11-12\r\nmissing:"),
            new("m:$.tests[0].expect.criteria", "I.1: 7,5\r\nII.3: 13"), new("n:$.tests[0].expect.total", "20,5"),
            new("j:$.tests[0].peers", """[ { "code": "B", "values": { "dti": 0.7 } } ]"""),
        ], "add|$.awards[0].prerequisites");
        DraftFormInput.Apply(root, [], "add|$.phases");

        Assert.That(root.SelectToken("indicators[0]")!.ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo("""{"id":"dti","type":"number","source":"imported","evidence":true}"""));
        Assert.That(root.SelectToken("awards[0].authority")!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"level":"provincial-chairman","tenant":"gia-lai"}"""));
        Assert.That(root.SelectToken("awards[0].prerequisites[0].kind")!.ToString(), Is.EqualTo("awardInPreviousYears"));
        Assert.That(root.SelectToken("tests[0].values")!.ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo("""{"dti":0.812,"held":true,"reportSubmittedOn":"2025-11-12","missing":null}"""));
        Assert.That(root.SelectToken("tests[0].expect")!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"criteria":{"I.1":7.5,"II.3":13},"total":20.5}"""));
        Assert.That(root.SelectToken("tests[0].peers[0].code")!.ToString(), Is.EqualTo("B"));
        Assert.That(root.SelectToken("phases[0].years")!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"from":2025,"to":2030}"""));
        var blocks = DraftForm.Build(root);
        Assert.That(blocks.Single(b => b.Path == "$.phases").Children.Single().Tables.Single().ArrayPath, Is.EqualTo("$.phases[0].measures"));
        Assert.That(blocks.Single(b => b.Path == "$.tests").Children.Single().Fields.Select(f => f.Label), Does.Contain("Điểm mong đợi của các tiêu chí"));
    }

    private static IEnumerable<EditorField> Fields(EditorBlock block) =>
        block.Fields.Concat(block.Tables.SelectMany(t => t.Rows.SelectMany(r => r.Cells))).Concat(block.Children.SelectMany(Fields));
}
