using System.Text;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Determinism;

public sealed class DeterminismTests
{
    private static ScoringRequest RandomRequest(Scoring.Rules.Model.RuleSet rules, int count)
    {
        var (groups, units, history) = RandomUnits.Generate(seed: 7, count: count, groupSize: 12);
        return new ScoringRequest(Compile(rules), 2025, groups, units, history);
    }

    [Test]
    public void SameRequestTwice_ByteIdenticalJson()
    {
        var request = RandomRequest(ExampleRuleSet.Simple(), 300);

        var first = ResultJson.WriteUtf8(ScoringEngine.Score(request));
        var second = ResultJson.WriteUtf8(ScoringEngine.Score(request));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void ShuffledInputOrder_ByteIdenticalJson()
    {
        var request = RandomRequest(ExampleRuleSet.Simple(), 300);

        var original = ResultJson.WriteUtf8(ScoringEngine.Score(request));
        var shuffled = ResultJson.WriteUtf8(ScoringEngine.Score(RandomUnits.Shuffled(request, seed: 99)));

        Assert.That(shuffled, Is.EqualTo(original));
    }

    [Test]
    public void FreshlyCompiledRuleSet_ByteIdenticalJson()
    {
        var request = RandomRequest(ExampleRuleSet.Simple(), 100);
        var again = request with { RuleSet = Compile(ExampleRuleSet.Simple()) };

        Assert.That(ResultJson.Write(ScoringEngine.Score(again)), Is.EqualTo(ResultJson.Write(ScoringEngine.Score(request))));
    }

    [Test]
    public void Json_IsCanonical()
    {
        var request = RandomRequest(ExampleRuleSet.Simple(), 50);

        var json = ResultJson.Write(ScoringEngine.Score(request));
        var bytes = ResultJson.WriteUtf8(ScoringEngine.Score(request));

        Assert.That(json, Does.Not.Contain("\r"));
        Assert.That(json, Does.EndWith("}\n"));
        Assert.That(json, Does.StartWith("{\n  \"ruleSet\": {\n    \"id\": \"test.rules\""));
        Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Encoding.UTF8.GetString(bytes), Is.EqualTo(json));
        // Decimals are normalised: no number value with trailing zeros.
        Assert.That(json, Does.Contain("\"total\": "));
        Assert.That(System.Text.RegularExpressions.Regex.IsMatch(json, "\": -?[0-9]+\\.[0-9]*0[,\\n]"), Is.False);
    }

    [Test]
    public void Json_KeepsTheExplanationAsDataWithNormalisedNumbers()
    {
        var rules = Single(new Scoring.Rules.Model.TargetMethod("rate", "80", false), 15m, Indicator("rate", title: "Tỷ lệ"));

        var result = ScoreGroup(rules, Unit("U", ("rate", 40.00m)));
        var json = ResultJson.Write(result);

        Assert.That(json, Does.Contain("\"points\": 7.5,"));
        Assert.That(json, Does.Match("\"name\": \"rate\",\\s+\"title\": \"Tỷ lệ\",\\s+\"value\": 40\\s"));
        Assert.That(json, Does.Contain("\"target\": 80,\n"));
        Assert.That(json, Does.Match("\"ratio\": 0.5\\s"));
        Assert.That(json, Does.Not.Contain("\"reason\""), "prose is rendered at the edge, not stored");
        Assert.That(Scoring.Engine.Text.ExplanationRenderer.Reason(ResultJson.Read(json).Groups[0].Ranking[0].Sections[0].Criteria[0]),
            Is.EqualTo("Tỷ lệ = 40 so với chỉ tiêu 80: đạt 50% → 7,5/15 điểm"));
    }

    [Test]
    public void Json_RoundTripsExactly()
    {
        var request = RandomRequest(ExampleRuleSet.Simple(), 60);
        var json = ResultJson.Write(ScoringEngine.Score(request));

        var read = ResultJson.Read(json);

        Assert.That(ResultJson.Write(read), Is.EqualTo(json));
        Assert.That(read.Groups.SelectMany(g => g.Ranking).Select(u => u.Total), Is.EqualTo(ScoringEngine.Score(request).Groups.SelectMany(g => g.Ranking).Select(u => u.Total)));
    }

    [Test]
    public void Json_ReadRejectsOtherText()
    {
        Assert.That(() => ResultJson.Read("{\"year\": 2025}"), Throws.TypeOf<FormatException>().With.Message.Contains("ruleSet"));
        Assert.That(() => ResultJson.Read("not json"), Throws.TypeOf<FormatException>());
    }
}
