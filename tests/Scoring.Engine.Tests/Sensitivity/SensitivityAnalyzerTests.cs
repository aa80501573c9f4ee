using Scoring.Engine.Model;
using Scoring.Engine.Sensitivity;
using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Sensitivity;

/// <summary>
/// The rank-sensitivity Monte Carlo on small groups whose outcome is known by hand: a lead that rests on a threshold
/// the unit clears by 4% (it flips when that threshold moves up by more than 4%), and a lead no ±10% move can undo.
/// </summary>
public sealed class SensitivityAnalyzerTests
{
    // P: 60 points from p ≥ 50; Q: 40 points from q ≥ 50. One award for the group's leader.
    private static CompiledRuleSet TwoThresholds() => Compile(RuleSet(
        [Indicator("p"), Indicator("q")],
        [Section("S", 100,
            Criterion("P", 60, new BandsMethod("p", [Band(60, atLeast: 50), Band(0)]), "Tiêu chí P"),
            Criterion("Q", 40, new BandsMethod("q", [Band(40, atLeast: 50), Band(0)]), "Tiêu chí Q"))],
        awards: [Award("co", 1, maxRank: 1)]));

    private static ScoringRequest Request(params UnitRecord[] units) =>
        Builders.Request(TwoThresholds(), [Group("G", [.. units.Select(u => u.Code)])], units);

    [Test]
    public void ALeadOnAThresholdClearedBy4Percent_FlipsWhenThatThresholdRisesMoreThan4Percent()
    {
        // A clears P's threshold 50 with 52: 60 points against B's 40. A threshold factor above 1.04 (52/50) takes
        // A's 60 points away, B then leads: about (1.10 − 1.04) / 0.20 = 30% of the samples.
        var request = Request(Unit("A", ("p", 52), ("q", 0)), Unit("B", ("p", 0), ("q", 60)));

        var report = SensitivityAnalyzer.Analyze([request], new SensitivityOptions(Samples: 2000, SpreadPercent: 10m, Seed: 7));

        var group = report.RuleSets.Single().Groups.Single();
        Assert.That(group.Leader, Is.EqualTo("A"));
        var flipped = report.Samples - group.LeaderKept;
        Assert.That(report.Share(flipped), Is.InRange(0.26m, 0.34m), "the share of samples whose threshold factor exceeds 1.04");
        Assert.That(group.FlipCriteria.Select(f => (f.CriterionId, f.Flips)), Is.EqualTo(new[] { ("P", flipped) }), "every flip is P's threshold");
        var a = group.Units.Single(u => u.Code == "A");
        Assert.That(a, Has.Property(nameof(UnitSensitivity.Award)).EqualTo("co")
            .And.Property(nameof(UnitSensitivity.RankKept)).EqualTo(group.LeaderKept)
            .And.Property(nameof(UnitSensitivity.AwardKept)).EqualTo(group.LeaderKept)
            .And.Property(nameof(UnitSensitivity.BestRank)).EqualTo(1)
            .And.Property(nameof(UnitSensitivity.WorstRank)).EqualTo(2));
        Assert.That(report.RuleSets.Single().LeaderFlips.Single().CriterionId, Is.EqualTo("P"));
    }

    [Test]
    public void ALeadOf100To0_NeverFlipsWithin10Percent()
    {
        var request = Request(Unit("A", ("p", 80), ("q", 80)), Unit("B", ("p", 10), ("q", 10)));

        var report = SensitivityAnalyzer.Analyze([request], new SensitivityOptions(Samples: 1000, SpreadPercent: 10m, Seed: 7));

        var group = report.RuleSets.Single().Groups.Single();
        Assert.That(group.LeaderKept, Is.EqualTo(1000));
        Assert.That(group.FlipCriteria, Is.Empty);
        Assert.That(group.Units.Select(u => (u.Code, u.RankKept, u.AwardKept, u.BestRank, u.WorstRank)),
            Is.EqualTo(new[] { ("A", 1000, 1000, 1, 1), ("B", 1000, 1000, 2, 2) }));
    }

    [Test]
    public void ThreePoints_MovingWeightsReorderCloseUnits_AndTheSeedFixesTheCounts()
    {
        // C clears both thresholds by 2% (100 points), A holds P alone (60), B Q alone (40): C keeps first place while
        // P's threshold moves up by at most 2% (about 60%), losing Q only ties it with A.
        var request = Request(
            Unit("A", ("p", 60), ("q", 0)),
            Unit("B", ("p", 0), ("q", 55)),
            Unit("C", ("p", 51), ("q", 51)));

        var first = SensitivityAnalyzer.Analyze([request], new SensitivityOptions(Samples: 500, SpreadPercent: 10m, Seed: 2025));
        var again = SensitivityAnalyzer.Analyze([request], new SensitivityOptions(Samples: 500, SpreadPercent: 10m, Seed: 2025));
        var other = SensitivityAnalyzer.Analyze([request], new SensitivityOptions(Samples: 500, SpreadPercent: 10m, Seed: 2026));

        var units = first.RuleSets.Single().Groups.Single().Units;
        Assert.That(string.Join("; ", units.Select(u => $"{u.Code} {u.Rank} {u.RankKept} {u.BestRank}-{u.WorstRank}")),
            Is.EqualTo(Pinned),
            "the counts of seed 2025 (pinned: a change means the sampling or the scoring changed)");
        Assert.That(again, Is.EqualTo(first).Using<SensitivityReport>(Same), "the same seed gives the same report");
        Assert.That(other.RuleSets.Single().Groups.Single().Units.Select(u => u.RankKept), Is.Not.EqualTo(units.Select(u => u.RankKept)));
    }

    // Code, rank, samples that kept it, best–worst rank.
    private const string Pinned = "C 1 299 1-3; A 2 177 1-2; B 3 299 2-3";

    private static bool Same(SensitivityReport a, SensitivityReport b) =>
        a.Samples == b.Samples && a.Seed == b.Seed &&
        a.RuleSets.SequenceEqual(b.RuleSets, EqualityComparer<RuleSetSensitivity>.Create((x, y) =>
            x!.Groups.SelectMany(g => g.Units).SequenceEqual(y!.Groups.SelectMany(g => g.Units)) &&
            x.Groups.Select(g => g.LeaderKept).SequenceEqual(y.Groups.Select(g => g.LeaderKept)) &&
            x.LeaderFlips.SequenceEqual(y.LeaderFlips)));

    [Test]
    public void BadOptions_AreRefusedWithTheReason()
    {
        var request = Request(Unit("A", ("p", 60), ("q", 0)));
        Assert.That(() => SensitivityAnalyzer.Analyze([request], new SensitivityOptions(Samples: 0)),
            Throws.ArgumentException.With.Message.Contains("Số lần lấy mẫu"));
        Assert.That(() => SensitivityAnalyzer.Analyze([request], new SensitivityOptions(SpreadPercent: 100m)),
            Throws.ArgumentException.With.Message.Contains("Biên độ dao động"));
    }
}
