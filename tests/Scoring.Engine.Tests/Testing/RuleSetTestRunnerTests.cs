using System.Collections.Immutable;
using Scoring.Engine.Testing;
using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Testing;

public sealed class RuleSetTestRunnerTests
{
    /// <summary>
    /// The example's test case. I.3 is the "Điều 6" formula: 0.5 × 15 + 0.5 × 15 × (1.2 − 1) / (1.5 − 1) = 10.5, total 86.
    /// </summary>
    private static RuleSetTestCase Corrected() => ExampleRuleSet.TestCase();

    private static Model.CompiledRuleSet SimpleWith(params RuleSetTestCase[] tests) =>
        Compile(ExampleRuleSet.Simple() with { Tests = [.. tests] });

    [Test]
    public void MatchingExpectations_Pass()
    {
        var report = RuleSetTestRunner.Run(SimpleWith(Corrected()));

        Assert.That(report.Passed, Is.True, string.Join("\n", report.Results.SelectMany(r => r.Mismatches)));
        Assert.That(report.PassedCount, Is.EqualTo(1));
        Assert.That(report.Results.Single().Card!.Grade, Is.EqualTo("tot"));
    }

    [Test]
    public void EveryMismatch_IsReportedWithPathExpectedAndActual()
    {
        var wrong = Corrected() with
        {
            ExpectedCriteria = Corrected().ExpectedCriteria.SetItem("I.1", 14m).SetItem("X.9", 1m),
            ExpectedTotal = 80m,
            ExpectedGrade = "xuat-sac",
        };

        var result = RuleSetTestRunner.Run(SimpleWith(wrong)).Results.Single();

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Mismatches.Select(m => m.Path), Is.EqualTo(new[]
        {
            "$.tests[0].expect.criteria['I.1']", "$.tests[0].expect.criteria['X.9']", "$.tests[0].expect.total", "$.tests[0].expect.grade",
        }));
        var i1 = result.Mismatches[0];
        Assert.That(i1.Expected, Is.EqualTo("14"));
        Assert.That(i1.Actual, Does.StartWith("20 (Chỉ số DTI (0–1) = 0,812 thuộc mức «Từ 0,8 trở lên»"));
        Assert.That(result.Mismatches[1].Actual, Is.EqualTo("bộ tiêu chí không có tiêu chí nào mang mã này"));
        Assert.That(result.Mismatches[2].ToString(), Is.EqualTo("$.tests[0].expect.total: total: mong đợi 80, thực tế 86"));
        Assert.That(result.Mismatches[3].Actual, Is.EqualTo("tot"));
    }

    [Test]
    public void YearOutsideTheRuleSet_IsAMismatchNotACrash()
    {
        var result = RuleSetTestRunner.Run(SimpleWith(Corrected() with { Year = 2040 })).Results.Single();

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Mismatches.Single().What, Is.EqualTo("error"));
        Assert.That(result.Mismatches.Single().Expected, Is.EqualTo("một kết quả chấm điểm"));
        // The engine's Vietnamese reason, without .NET's English " (Parameter 'request')" suffix.
        Assert.That(result.Mismatches.Single().Actual, Does.Contain("2040").And.Not.Contain("Parameter"));
    }

    [Test]
    public void PeerNamedLikeTheTestUnit_DoesNotClash()
    {
        var test = Corrected() with { Peers = [new TestPeer(RuleSetTestRunner.TestUnitCode, Corrected().Peers[0].Values)] };

        Assert.That(RuleSetTestRunner.Run(SimpleWith(test)).Passed, Is.True);
    }

    [Test]
    public void NoTests_PassesTrivially()
    {
        var report = RuleSetTestRunner.Run(SimpleWith());

        Assert.That(report.Results, Is.Empty);
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public void ExampleTestCase_Explanations()
    {
        var card = RuleSetTestRunner.Run(SimpleWith(Corrected())).Results.Single().Card!;
        var criteria = card.Sections.SelectMany(s => s.Criteria).ToImmutableDictionary(c => c.Id);

        Assert.Multiple(() =>
        {
            Assert.That(criteria["I.3"].Outcome, Is.EqualTo("relative:above"));
            Assert.That(criteria["I.4"].Outcome, Is.EqualTo("rank:2"));
            Assert.That(criteria["II.3"].Reason, Is.EqualTo("Nộp ngày 12/11/2025, trễ 2 ngày so với hạn 10/11/2025; trừ 1 điểm/ngày → 13/15 điểm"));
            Assert.That(criteria["II.3"].Outcome, Is.EqualTo("late:2d"));
            Assert.That(card.BonusCriteria.Single().Points, Is.EqualTo(2m));
            Assert.That(card.PenaltyCriteria.Single().Outcome, Is.EqualTo("count:0"));
        });
    }
}
