using Newtonsoft.Json.Linq;
using Scoring.Rules.Model;
using Scoring.Rules.Validation;
using static Scoring.Rules.Tests.RuleSetText;

namespace Scoring.Rules.Tests.Validation;

/// <summary>An award's <c>authority</c>: who gives the form and, for a commune's proposal of a provincial form, where.</summary>
public sealed class AwardAuthorityTests
{
    private static string WithAwards(string awardsJson) => Edit(r => r["awards"] = JArray.Parse(awardsJson));

    [Test]
    public void Authority_IsRead_WithTheDecidingTenant()
    {
        var text = WithAwards("""
            [ { "id": "bang", "title": "Đề nghị Bằng khen", "precedence": 2, "authority": { "level": "provincial-chairman", "tenant": "gia-lai" } },
              { "id": "giay", "title": "Giấy khen", "precedence": 1, "authority": { "level": "commune-chairman" } },
              { "id": "khac", "title": "Không ghi", "precedence": 0 } ]
            """);

        var result = Load(text);

        Assert.That(result.Diagnostics, Is.Empty);
        var awards = result.Document!.RuleSet.Awards;
        Assert.That(awards.Select(a => a.Authority), Is.EqualTo(new AwardAuthority?[]
        {
            new(AwardAuthorityLevel.ProvincialChairman, "gia-lai"), new(AwardAuthorityLevel.CommuneChairman, null), null,
        }));
        Assert.That(awards[0].Authority!.Title, Is.EqualTo("Chủ tịch UBND tỉnh"));
    }

    [Test]
    public void UnknownLevel_IsAnError_WithTheAllowedWordsAndASuggestion()
    {
        var text = WithAwards("""[ { "id": "giay", "title": "Giấy khen", "precedence": 1, "authority": { "level": "commune-chairmen" } } ]""");

        var d = Single(Load(text), DiagnosticCodes.InvalidEnumValue);

        Assert.That(d.JsonPath, Is.EqualTo("$.awards[0].authority.level"));
        Assert.That(d.Message, Does.Contain("commune-chairman"));
    }

    [Test]
    public void MalformedTenant_AndUnknownProperty_AreErrors()
    {
        var text = WithAwards("""[ { "id": "giay", "title": "Giấy khen", "precedence": 1, "authority": { "level": "president", "tenant": "Gia Lai", "who": 1 } } ]""");

        var found = Load(text).Diagnostics.Select(d => (d.Code, d.JsonPath)).ToList();

        Assert.That(found, Does.Contain((DiagnosticCodes.InvalidFormat, "$.awards[0].authority.tenant")));
        Assert.That(found, Does.Contain((DiagnosticCodes.UnknownProperty, "$.awards[0].authority.who")));
    }
}
