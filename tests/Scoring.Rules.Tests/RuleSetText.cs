using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Loading;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Tests;

/// <summary>A small valid rule set to edit in tests, and helpers to load text and find positions in it.</summary>
internal static class RuleSetText
{
    public const string FileName = "t.rules.json";

    public const string Minimal = """
        {
          "format": 1,
          "id": "t.minimal",
          "version": "1.0.0",
          "title": "Tối thiểu",
          "tenant": "t",
          "movement": "m",
          "years": { "from": 2025, "to": 2030 },
          "unitKinds": ["locality"],
          "indicators": [
            { "id": "dti", "type": "number", "min": 0, "max": 1, "title": "DTI" },
            { "id": "done", "type": "boolean", "title": "Đã làm" },
            { "id": "reportOn", "type": "date", "title": "Ngày báo cáo" },
            { "id": "n", "type": "count", "min": 0, "title": "Số lượng" }
          ],
          "sections": [
            {
              "id": "A", "title": "Phần A", "maxPoints": 30,
              "criteria": [
                { "id": "A.1", "title": "a1", "maxPoints": 20, "method": "bands", "value": "dti",
                  "bands": [ { "atLeast": 0.5, "points": 20 }, { "points": 0 } ] },
                { "id": "A.2", "title": "a2", "maxPoints": 10, "method": "check", "condition": "done" }
              ]
            }
          ],
          "grades": [
            { "id": "good", "title": "Tốt", "minTotal": 20 },
            { "id": "other", "title": "Khác" }
          ],
          "tieBreakers": [ { "by": "indicator", "ref": "n" } ],
          "bonus": {
            "cap": 5,
            "criteria": [
              { "id": "T.1", "title": "Báo cáo đúng hạn", "maxPoints": 5, "method": "deadline", "date": "reportOn", "due": "11-10", "deduct": 1 }
            ]
          }
        }
        """;

    public static RuleSetLoadResult Load(string text) => RuleSetLoader.LoadText(text, FileName);

    /// <summary>The minimal rule set after <paramref name="edit"/>, written indented (one property per line).</summary>
    public static string Edit(Action<JObject> edit)
    {
        var root = JObject.Parse(Minimal);
        edit(root);
        return root.ToString(Formatting.Indented);
    }

    /// <summary>Adds a criterion to section A and raises the section's maxPoints to keep the sum right.</summary>
    public static string WithCriterion(string criterionJson, Action<JObject>? more = null) => Edit(root =>
    {
        var criterion = JObject.Parse(criterionJson);
        var section = (JObject)root["sections"]![0]!;
        ((JArray)section["criteria"]!).Add(criterion);
        section["maxPoints"] = (decimal)section["maxPoints"]! + (decimal)criterion["maxPoints"]!;
        more?.Invoke(root);
    });

    /// <summary>
    /// The 1-based line and column of <paramref name="target"/> in <paramref name="text"/>, searching after the
    /// occurrences of the <paramref name="after"/> markers in turn. Independent of the loader's source map.
    /// </summary>
    public static (int Line, int Column) Find(string text, string target, params string[] after)
    {
        var from = 0;
        foreach (var marker in after)
        {
            from = text.IndexOf(marker, from, StringComparison.Ordinal);
            Assert.That(from, Is.GreaterThanOrEqualTo(0), $"'{marker}' not in the text");
        }
        var index = text.IndexOf(target, from, StringComparison.Ordinal);
        Assert.That(index, Is.GreaterThanOrEqualTo(0), $"'{target}' not in the text");
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0)
        {
            lineStart = 0;
        }
        var line = text[..index].Count(c => c == '\n') + 1;
        return (line, index - lineStart + 1);
    }

    /// <summary>The one diagnostic with <paramref name="code"/> (fails if there is not exactly one).</summary>
    public static Diagnostic Single(RuleSetLoadResult result, string code)
    {
        var found = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.That(found, Has.Count.EqualTo(1), () => $"expected one {code}; got:\n{string.Join("\n", result.Diagnostics)}");
        return found[0];
    }

    public static (int Line, int Column) At(Diagnostic d) => (d.Line, d.Column);
}
