using Newtonsoft.Json.Linq;
using Scoring.Rules.Model;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

/// <summary>An award's <c>withoutHistory</c>: its policy for units that have no result for a year its prerequisites look at.</summary>
public sealed class AwardHistoryPolicyTests
{
    private static string WithAwards(string awardsJson) => Edit(r => r["awards"] = JArray.Parse(awardsJson));

    [Test]
    public void Policy_IsRead_AndAbsentMeansBarred()
    {
        var text = WithAwards("""
            [ { "id": "co", "title": "Cờ thi đua", "precedence": 2, "withoutHistory": "exempt",
                "prerequisites": [ { "kind": "gradeInPreviousYears", "grades": ["good"], "years": 1 } ] },
              { "id": "bang", "title": "Bằng khen", "precedence": 1, "withoutHistory": "barred" },
              { "id": "giay", "title": "Giấy khen", "precedence": 0 } ]
            """);

        var result = Load(text);

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Document!.RuleSet.Awards.Select(a => a.WithoutHistory),
            Is.EqualTo(new[] { HistoryPolicy.Exempt, HistoryPolicy.Barred, HistoryPolicy.Barred }));
    }

    [Test]
    public void UnknownPolicy_IsAnError_AtItsPath_NamingTheAllowedWords()
    {
        var text = WithAwards("""[ { "id": "co", "title": "Cờ thi đua", "precedence": 1, "withoutHistory": "exempted" } ]""");

        var d = Single(Load(text), DiagnosticCodes.InvalidEnumValue);

        Assert.That(d.JsonPath, Is.EqualTo("$.awards[0].withoutHistory"));
        Assert.That(d.Message, Does.Contain("\"exempted\"").And.Contain("`exempt`"));
    }
}
