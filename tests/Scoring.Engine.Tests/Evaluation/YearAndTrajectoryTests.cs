using Scoring.Engine.Results;
using Scoring.Engine.Testing;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Evaluation;

/// <summary>Issue 13: `year` in expressions and targets given as a per-year trajectory (docs/rule-sets.md §5.2, §10).</summary>
public sealed class YearAndTrajectoryTests
{
    private const string Text = """
        {
          "format": 1, "id": "t.trajectory", "version": "1.0.0", "title": "Lộ trình", "tenant": "t", "movement": "m",
          "years": { "from": 2025, "to": 2030 }, "unitKinds": ["locality"],
          "indicators": [ { "id": "rate", "type": "percent", "min": 0, "max": 100, "title": "Tỷ lệ" } ],
          "sections": [ { "id": "A", "title": "Phần A", "maxPoints": 20, "criteria": [
            { "id": "A.1", "title": "Theo lộ trình", "maxPoints": 10, "method": "target", "value": "rate",
              "target": { "2025": 40, "2027": 60, "2030": 90 } },
            { "id": "A.2", "title": "Từ năm 2027", "maxPoints": 10, "method": "check", "condition": "year >= 2027 && rate >= 50" }
          ] } ],
          "grades": [ { "id": "dat", "title": "Đạt", "minTotal": 10 }, { "id": "khac", "title": "Khác" } ],
          "awards": [ { "id": "gk", "title": "Giấy khen", "precedence": 1, "eligibility": "year < 2030 || total >= 15" } ],
          "tests": [
            { "name": "2026: chỉ tiêu 50 giữa hai mốc", "year": 2026, "values": { "rate": 45 }, "expect": { "criteria": { "A.1": 9, "A.2": 0 }, "total": 9 } },
            { "name": "2029: chỉ tiêu 80", "year": 2029, "values": { "rate": 60 }, "expect": { "criteria": { "A.1": 7.5, "A.2": 10 }, "total": 17.5 } }
          ]
        }
        """;

    private static Model.CompiledRuleSet Load(string text)
    {
        var result = RuleSetLoader.LoadText(text, "t.rules.json");
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.Empty);
        return ScoringEngine.Compile(result.Document!.RuleSet, result.Document.Identity);
    }

    // rate 45: 2025 target 40 → 10; 2026 target 50 → 9; 2027 target 60 → 7.5; 2028 70 → 6.43; 2029 80 → 5.63; 2030 and later 90 → 5.
    [TestCase(2025, 40, 10)]
    [TestCase(2026, 50, 9)]
    [TestCase(2027, 60, 7.5)]
    [TestCase(2028, 70, 6.43)]
    [TestCase(2029, 80, 5.63)]
    [TestCase(2030, 90, 5)]
    public void Trajectory_MilestonesAndTheStraightLineBetweenThem(int year, decimal target, decimal points)
    {
        var compiled = Load(Text);

        var result = ScoringEngine.Score(Request(compiled, [Group("G", "a")], [Unit("a", ("rate", 45))], year: year));

        var a1 = result.Criterion("a", "A.1");
        Assert.That(a1.Explanation.Target, Is.EqualTo(target));
        Assert.That(a1.Points, Is.EqualTo(points));
    }

    [Test]
    public void Year_InACondition_AndInAnAwardsEligibility()
    {
        var compiled = Load(Text);
        ScoringResult Score(int year) => ScoringEngine.Score(Request(compiled, [Group("G", "a")], [Unit("a", ("rate", 45))], year: year));

        Assert.That(Score(2026).Criterion("a", "A.2").Points, Is.Zero, "before 2027");
        Assert.That(Score(2027).Criterion("a", "A.2").Points, Is.Zero, "45 < 50");
        Assert.That(Score(2026).Awards.Select(a => a.UnitCode), Is.EqualTo(new[] { "a" }), "year < 2030");
        Assert.That(Score(2030).Awards, Is.Empty, "2030: total 5 < 15");
    }

    [Test]
    public void TheRuleSetsOwnTestCases_ScoreEachInItsYear()
    {
        var report = RuleSetTestRunner.Run(Load(Text));

        Assert.That(report.Results, Has.Length.EqualTo(2));
        Assert.That(report.Results.SelectMany(r => r.Mismatches).Select(m => m.ToString()), Is.Empty);
    }

    [Test]
    public void Year_IsTheSameOnTheExactPath()
    {
        // A formula the fast kernel compiles with `year` as a constant and the exact path reads from the row.
        var compiled = Single(new ExpressionMethod("year >= 2027 ? Min(rate, 10) : 0"), 10m, Indicator("rate"));

        var fast = ScoringEngine.Score(Request(compiled, [Group("G", "a")], [Unit("a", ("rate", 7))], year: 2028));
        var before = ScoringEngine.Score(Request(compiled, [Group("G", "a")], [Unit("a", ("rate", 7))], year: 2026));

        Assert.That(fast.Criterion("a").Points, Is.EqualTo(7m));
        Assert.That(before.Criterion("a").Points, Is.Zero);
        Assert.That(fast.Criterion("a").Reason, Does.Contain("7"));
    }
}
