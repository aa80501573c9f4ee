using Newtonsoft.Json.Linq;
using Scoring.Rules.Loading;
using Scoring.Rules.Validation;

namespace Scoring.Rules.Tests.Loading;

/// <summary>Bad input of any shape gives diagnostics, never an exception.</summary>
public sealed class RobustnessTests
{
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("null")]
    [TestCase("\"text\"")]
    [TestCase("{")]
    [TestCase("{}")]
    [TestCase("{\"n\": 1e400}")]
    public void OddDocuments_GiveErrors(string text)
    {
        var result = RuleSetLoader.LoadText(text, "odd.rules.json");

        Assert.That(result.Document, Is.Null);
        Assert.That(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Not.Empty);
    }

    [Test]
    public void DeepNesting_IsAnErrorNotACrash()
    {
        var text = "{\"sections\":" + new string('[', 500) + new string(']', 500) + "}";

        var result = RuleSetLoader.LoadText(text, "deep.rules.json");

        var d = result.Diagnostics.Single();
        Assert.That(d.Code, Is.EqualTo(DiagnosticCodes.NestedTooDeep), "too deep is not a syntax error");
        Assert.That(d.Message, Does.Contain("lồng nhau quá sâu").And.Contain("64 cấp").And.Not.Contain("MaxDepth"));
        Assert.That(d.Fix, Does.Contain("`{`"));
    }

    // Missing, a negative number, a string and an object cover the reader's type checks and the validator's ranges.
    private static readonly JToken[] Replacements = [JValue.CreateNull(), new JValue(-1), new JValue("x"), new JObject()];

    [Test]
    public void EveryValueOfASmallSet_ReplacedByOtherJsonKinds_GivesDiagnosticsNotExceptions()
    {
        var small = JObject.Parse(RuleSetText.Edit(r =>
        {
            r["awards"] = JArray.Parse("""
                [ { "id": "a", "title": "A", "precedence": 1, "years": [2025], "grades": ["good"], "maxRank": 1, "eligibility": "rank <= 1",
                    "quota": { "perGroup": 1, "maxShare": 0.5, "shareOf": "group" },
                    "prerequisites": [ { "kind": "gradeInPreviousYears", "grades": ["good"], "years": 1 } ] } ]
                """);
            r["tests"] = JArray.Parse("""
                [ { "name": "t", "year": 2025, "values": { "dti": 0.5, "done": true }, "peers": [ { "code": "B", "values": { "dti": 1 } } ],
                    "expect": { "criteria": { "A.1": 20 }, "total": 30, "grade": "good" } } ]
                """);
        }));

        Assert.That(Mutate(small, Replacements), Is.GreaterThan(350));
    }

    [Test]
    public void EveryValueOfTheExample_ReplacedByAString_GivesDiagnosticsNotExceptions()
    {
        var example = JObject.Parse(File.ReadAllText(RepositoryPaths.ExampleRuleSet));

        Assert.That(Mutate(example, [new JValue("x")]), Is.GreaterThan(200));
    }

    /// <summary>Loads a copy of <paramref name="original"/> for every value and replacement; returns the number of loads.</summary>
    private static int Mutate(JObject original, JToken[] replacements)
    {
        var loads = 0;
        foreach (var path in original.Descendants().OfType<JProperty>().Select(p => p.Value.Path).ToList())
        {
            foreach (var replacement in replacements)
            {
                var copy = (JObject)original.DeepClone();
                copy.SelectToken(path)!.Replace(replacement.DeepClone());
                var text = copy.ToString();

                RuleSetLoadResult? result = null;
                Assert.DoesNotThrow(() => result = RuleSetLoader.LoadText(text, "m.rules.json"), $"{path} := {replacement.ToString(Newtonsoft.Json.Formatting.None)}");
                if (result!.Document is null)
                {
                    Assert.That(result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Line > 0), Is.True, path);
                }
                loads++;
            }
        }
        return loads;
    }

    [Test]
    public void A_number_beyond_64_bits_is_an_out_of_range_error_not_a_crash()
    {
        const string text = "{\n  \"format\": 1,\n  \"precision\": 99999999999999999999999\n}";

        var result = RuleSetLoader.LoadText(text, "big.rules.json");

        var error = result.Diagnostics.First(d => d.Code == DiagnosticCodes.OutOfRange);
        Assert.That((error.JsonPath, error.Line, error.Column), Is.EqualTo(("$.precision", 3, 16)));
        Assert.That(result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error), Is.GreaterThan(1), "the other problems are still reported");
    }

    [Test]
    public void An_empty_file_is_reported_at_line_1_column_1()
    {
        var result = RuleSetLoader.LoadText("", "empty.rules.json");

        var error = result.Diagnostics.Single();
        Assert.That((error.Code, error.Line, error.Column), Is.EqualTo((DiagnosticCodes.InvalidJson, 1, 1)));
    }
}

