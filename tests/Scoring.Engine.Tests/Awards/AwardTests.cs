using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Awards;

public sealed class AwardTests
{
    /// <summary>Total = the "score" indicator; grades xs ≥ 90, tot ≥ 75, khac.</summary>
    private static CompiledRuleSet Rules(params AwardRule[] awards) => Compile(RuleSet(
        [Indicator("score"), Indicator("clean", IndicatorType.Boolean)],
        [Section("S", 100m, Criterion("C", 100m, new ExpressionMethod("score")))],
        grades: [Grade("xs", 90m, title: "Hoàn thành xuất sắc nhiệm vụ"), Grade("tot", 75m, title: "Hoàn thành tốt nhiệm vụ"), Grade("khac", null)],
        awards: awards));

    private static UnitRecord U(string code, decimal score) => Unit(code, ("score", score));

    private static ScoringResult Score(CompiledRuleSet rules, IEnumerable<GroupRecord> groups, IEnumerable<UnitRecord> units, IEnumerable<HistoryRecord>? history = null) =>
        ScoringEngine.Score(Request(rules, groups, units, history));

    private static string Proposed(ScoringResult result, string award) =>
        string.Join(" ", result.Awards.Where(a => a.Award == award).Select(a => a.UnitCode + (a.TieAtCut ? "*" : "")));

    private static AwardQuota Quota(int? perGroup = null, int? perTenant = null, decimal? share = null, string? of = null) => new(perGroup, perTenant, share, of);

    [Test]
    public void Proposals_CarryTheirAuthority_AndTheStoredResultKeepsIt_WhileResultsWithoutOneKeepTheirBytes()
    {
        var provincial = new AwardAuthority(AwardAuthorityLevel.ProvincialChairman, "gia-lai");
        var rules = Rules(Award("bk", 20, Quota(perGroup: 1)) with { Authority = provincial }, Award("gk", 10, Quota(perGroup: 2), minTotal: 50m));
        var result = Score(rules, [Group("G1", "a", "b", "c")], [U("a", 95), U("b", 80), U("c", 70)]);

        Assert.That(result.Awards.Select(a => (a.UnitCode, a.Authority)), Is.EqualTo(new (string, AwardAuthority?)[] { ("a", provincial), ("b", null), ("c", null) }));
        var json = ResultJson.Write(result);
        Assert.That(ResultJson.Read(json).Awards.Select(a => a.Authority), Is.EqualTo(result.Awards.Select(a => a.Authority)));
        var stored = Newtonsoft.Json.Linq.JObject.Parse(json)["awards"]![0]!["authority"]!;
        Assert.That((stored.Value<string>("level"), stored.Value<string>("tenant")), Is.EqualTo(("provincial-chairman", "gia-lai")));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(json, "\"authority\"").Count, Is.EqualTo(1), "no authority, no property: older results hash as before");
    }

    [Test]
    public void PerGroupQuota_TakesTheBestOfEachGroup()
    {
        var rules = Rules(Award("bk", 10, Quota(perGroup: 2), grades: ["xs", "tot"]));
        var result = Score(rules, [Group("G1", "a", "b", "c"), Group("G2", "d", "e")], [U("a", 95), U("b", 91), U("c", 92), U("d", 80), U("e", 60)]);

        Assert.That(Proposed(result, "bk"), Is.EqualTo("a c d"));
        Assert.That(result.Card("c").Award, Is.EqualTo("bk"));
        Assert.That(result.Card("b").Award, Is.Null);
    }

    [Test]
    public void PerTenantQuota_LeadersFirstThenByTotal()
    {
        var rules = Rules(Award("co", 10, Quota(perTenant: 2), minTotal: 80m));
        var result = Score(rules, [Group("G1", "a", "b"), Group("G2", "c", "d"), Group("G3", "e")],
            [U("a", 99), U("b", 98), U("c", 85), U("d", 84), U("e", 90)]);

        // Leaders a (99), e (90), c (85): the two best leaders.
        Assert.That(Proposed(result, "co"), Is.EqualTo("a e"));
    }

    [Test]
    public void ShareOfGroup_IsFloored()
    {
        var rules = Rules(Award("bk", 10, Quota(perGroup: 3, share: 0.2m, of: "group")));
        var nine = Enumerable.Range(1, 9).Select(i => U($"u{i}", 90 + i)).ToArray();
        var ten = Enumerable.Range(1, 10).Select(i => U($"v{i:00}", 80 + i)).ToArray();

        var result = Score(rules, [Group("G9", [.. nine.Select(u => u.Code)]), Group("G10", [.. ten.Select(u => u.Code)])], [.. nine, .. ten]);

        // floor(0.2 × 9) = 1, floor(0.2 × 10) = 2.
        Assert.That(Proposed(result, "bk"), Is.EqualTo("v10 v09 u9"));
    }

    [Test]
    public void ShareOfAnotherAward_CountsThatAwardsQualifiersInTheWholeRequest()
    {
        // "co-cp" may go to at most 20% of the units that meet the standard of "co-tinh" (≥ 80), whatever co-tinh's own quota.
        var rules = Rules(
            Award("co-cp", 30, Quota(share: 0.2m, of: "co-tinh"), minTotal: 90m),
            Award("co-tinh", 20, Quota(perGroup: 1), minTotal: 80m));
        var units = Enumerable.Range(0, 10).Select(i => U($"u{i}", 85 + i)).ToArray();

        var result = Score(rules, [Group("G1", "u0", "u1", "u2", "u3", "u4"), Group("G2", "u5", "u6", "u7", "u8", "u9")], units);

        // All 10 meet co-tinh's standard → floor(0.2 × 10) = 2 co-cp. Only u5..u9 (90..94) reach 90; by rank: u9, u8.
        Assert.That(Proposed(result, "co-cp"), Is.EqualTo("u9 u8"));
        // co-tinh then goes to the best remaining unit of each group.
        Assert.That(Proposed(result, "co-tinh"), Is.EqualTo("u4 u7"));
    }

    [Test]
    public void ShareOfAnotherAward_FewQualifiers_FloorsToZero()
    {
        var rules = Rules(
            Award("co-cp", 30, Quota(share: 0.2m, of: "co-tinh"), minTotal: 90m),
            Award("co-tinh", 20, Quota(perGroup: 1), minTotal: 80m));

        var result = Score(rules, [Group("G", "a", "b", "c", "d")], [U("a", 99), U("b", 95), U("c", 81), U("d", 70)]);

        // 3 units meet co-tinh's standard: floor(0.6) = 0.
        Assert.That(Proposed(result, "co-cp"), Is.Empty);
        Assert.That(Proposed(result, "co-tinh"), Is.EqualTo("a"));
    }

    [Test]
    public void OneAwardPerUnit_TheHighest()
    {
        var rules = Rules(
            Award("giay-khen", 10, Quota(perGroup: 2), minTotal: 70m),
            Award("bang-khen", 20, Quota(perGroup: 1), minTotal: 90m));
        var result = Score(rules, [Group("G", "a", "b", "c")], [U("a", 95), U("b", 92), U("c", 75)]);

        Assert.That(Proposed(result, "bang-khen"), Is.EqualTo("a"));
        Assert.That(Proposed(result, "giay-khen"), Is.EqualTo("b c"));
        Assert.That(result.Awards.Select(a => a.Award), Is.EqualTo(new[] { "bang-khen", "giay-khen", "giay-khen" }));
    }

    [Test]
    public void DissolvedUnit_IsNeverProposed()
    {
        var rules = Rules(Award("co", 10, Quota(perGroup: 1)));
        var result = Score(rules, [Group("G", "a", "b")], [Dissolved("a", ("score", 99)), U("b", 80)]);

        Assert.That(result.Card("a").Rank, Is.EqualTo(1));
        Assert.That(Proposed(result, "co"), Is.EqualTo("b"));
        Assert.That(result.Card("a").Notes, Has.Some.Contains("giải thể"));
    }

    [Test]
    public void DissolvedUnit_NeverTakesAPlaceThatMaxRankCounts()
    {
        // a (dissolved) has the best total; b is the best unit that can receive the flag, so it "leads" for the award.
        var rules = Rules(Award("co", 10, Quota(perGroup: 1), maxRank: 1), Award("bk", 5, Quota(), maxRank: 2));
        var result = Score(rules, [Group("G", "a", "b", "c", "d")], [Dissolved("a", ("score", 99)), U("b", 90), U("c", 85), U("d", 80)]);

        Assert.That(result.Card("a").Rank, Is.EqualTo(1), "shown with its rank");
        Assert.That(Proposed(result, "co"), Is.EqualTo("b"));
        Assert.That(Proposed(result, "bk"), Is.EqualTo("c"), "c is second among the units that can be awarded; d is third");
    }

    [Test]
    public void GradeInPreviousYears_NeedsTheGradeInEachYear()
    {
        var rules = Rules(Award("co", 10, Quota(), grades: ["xs"],
            prerequisites: [new AwardPrerequisite(PrerequisiteKind.GradeInPreviousYears, null, ["xs"], 2, "$.p")]));
        HistoryRecord H(string unit, int year, string grade) => new(unit, year, grade, null);
        var history = new[] { H("a", 2024, "xs"), H("a", 2023, "xs"), H("b", 2024, "xs"), H("b", 2023, "tot"), H("c", 2024, "xs"), H("a", 2022, "khac") };

        var result = Score(rules, [Group("G", "a", "b", "c")], [U("a", 95), U("b", 96), U("c", 97)], history);

        Assert.That(Proposed(result, "co"), Is.EqualTo("a"));
        Assert.That(result.Awards.Single().Reason, Does.Contain("năm 2023 xếp loại Hoàn thành xuất sắc nhiệm vụ"));
    }

    [Test]
    public void GradeInPreviousYears_MergedPredecessorsMustAllQualify()
    {
        var rules = Rules(Award("co", 10, Quota(),
            prerequisites: [new AwardPrerequisite(PrerequisiteKind.GradeInPreviousYears, null, ["xs"], 1, "$.p")]));
        var history = new[] { new HistoryRecord("a", 2024, "xs", null), new HistoryRecord("a", 2024, "tot", null), new HistoryRecord("b", 2024, "xs", null), new HistoryRecord("b", 2024, "xs", null) };

        var result = Score(rules, [Group("G", "a", "b")], [U("a", 95), U("b", 92)], history);

        Assert.That(Proposed(result, "co"), Is.EqualTo("b"));
    }

    // Issue 13: each award states its policy for units without history (withoutHistory).
    [Test]
    public void WithoutHistory_Barred_IsTheDefault_AUnitWithNoRecordForThePreviousYearIsNotProposed()
    {
        var rules = Rules(Award("co", 10, Quota(), grades: ["xs"],
            prerequisites: [new AwardPrerequisite(PrerequisiteKind.GradeInPreviousYears, null, ["xs"], 1, "$.p")]));

        var result = Score(rules, [Group("G", "new", "old")], [U("new", 99), U("old", 95)], [new HistoryRecord("old", 2024, "xs", null)]);

        Assert.That(rules.RuleSet.Awards[0].WithoutHistory, Is.EqualTo(HistoryPolicy.Barred));
        Assert.That(Proposed(result, "co"), Is.EqualTo("old"));
    }

    [Test]
    public void WithoutHistory_Exempt_JudgesANewUnitOnTheYearsItHas_ButNeverWaivesAYearItHas()
    {
        var rules = Rules(Award("co", 10, Quota(), grades: ["xs"],
            prerequisites: [new AwardPrerequisite(PrerequisiteKind.GradeInPreviousYears, null, ["xs"], 2, "$.p")]) with { WithoutHistory = HistoryPolicy.Exempt });
        var history = new[]
        {
            new HistoryRecord("old", 2024, "xs", null), new HistoryRecord("old", 2023, "xs", null),
            new HistoryRecord("young", 2024, "xs", null),                                          // created in 2024: 2023 skipped
            new HistoryRecord("weak", 2024, "tot", null),                                          // has 2024, not at the grade
        };

        var result = Score(rules, [Group("G", "new", "old", "young", "weak")], [U("new", 99), U("old", 95), U("young", 94), U("weak", 93)], history);

        Assert.That(Proposed(result, "co"), Is.EqualTo("new old young"));
        Assert.That(result.Awards.First(a => a.UnitCode == "new").Reason,
            Does.Contain("năm 2023 chưa có kết quả (đơn vị chưa thành lập), không xét năm này, năm 2024 chưa có kết quả"));
    }

    [Test]
    public void WithoutHistory_Exempt_AwardInPreviousYears_HoldsOnlyWithoutAnyRecordInThoseYears()
    {
        var rules = Rules(Award("co-cp", 10, Quota(),
            prerequisites: [new AwardPrerequisite(PrerequisiteKind.AwardInPreviousYears, "co-tinh", [], 2, "$.p")]) with { WithoutHistory = HistoryPolicy.Exempt });
        var history = new[] { new HistoryRecord("had", 2024, "xs", "co-tinh"), new HistoryRecord("without", 2024, "xs", null) };

        var result = Score(rules, [Group("G", "had", "without", "new")], [U("had", 90), U("without", 90), U("new", 90)], history);

        Assert.That(Proposed(result, "co-cp"), Is.EqualTo("had new"));
    }

    [Test]
    public void AwardInPreviousYears_AnyOfTheYears()
    {
        var rules = Rules(Award("co-cp", 10, Quota(),
            prerequisites: [new AwardPrerequisite(PrerequisiteKind.AwardInPreviousYears, "co-tinh", [], 3, "$.p")]));
        var history = new[] { new HistoryRecord("a", 2022, "xs", "co-tinh"), new HistoryRecord("b", 2021, "xs", "co-tinh"), new HistoryRecord("c", 2025, "xs", "co-tinh") };

        var result = Score(rules, [Group("G", "a", "b", "c")], [U("a", 90), U("b", 90), U("c", 90)], history);

        Assert.That(Proposed(result, "co-cp"), Is.EqualTo("a"));
    }

    [Test]
    public void QualifiesFor_UsesTheOtherAwardsStandardNotItsAllocation()
    {
        var rules = Rules(
            Award("high", 20, Quota(perGroup: 1), minTotal: 90m,
                prerequisites: [new AwardPrerequisite(PrerequisiteKind.QualifiesFor, "base", [], 0, "$.p")]),
            Award("base", 10, Quota(perGroup: 1), eligibility: "clean"));
        var result = Score(rules, [Group("G", "a", "b", "c")],
            [Unit("a", ("score", 99), ("clean", false)), Unit("b", ("score", 95), ("clean", true)), Unit("c", ("score", 80), ("clean", true))]);

        // a does not meet "base" (not clean), so not "high" either; b gets "high"; "base" goes to c.
        Assert.That(Proposed(result, "high"), Is.EqualTo("b"));
        Assert.That(Proposed(result, "base"), Is.EqualTo("c"));
    }

    [Test]
    public void MaxRankAndYears()
    {
        var rules = Rules(
            Award("leader", 20, Quota(), maxRank: 1),
            Award("later", 10, Quota(), years: [2027]));
        var result = Score(rules, [Group("G", "a", "b")], [U("a", 60), U("b", 50)]);

        Assert.That(Proposed(result, "leader"), Is.EqualTo("a"));
        Assert.That(Proposed(result, "later"), Is.Empty);
    }

    [Test]
    public void TieAtTheGroupCut_AllTiedUnitsAreProposedAndFlagged()
    {
        var rules = Rules(Award("bk", 10, Quota(perGroup: 2)));
        var result = Score(rules, [Group("G", "a", "b", "c", "d")], [U("a", 95), U("b", 90), U("c", 90), U("d", 85)]);

        Assert.That(Proposed(result, "bk"), Is.EqualTo("a b* c*"));
        Assert.That(result.Awards.Single(a => a.UnitCode == "b").Reason, Does.EndWith("đồng điểm tại ngưỡng chỉ tiêu, cần Hội đồng bỏ phiếu"));
        Assert.That(result.Card("d").Award, Is.Null);
    }

    [Test]
    public void TieAtTheTenantCut_AllTiedUnitsAreProposedAndFlagged()
    {
        var rules = Rules(Award("co", 10, Quota(perTenant: 1)));
        var result = Score(rules, [Group("G1", "a"), Group("G2", "b"), Group("G3", "c")], [U("a", 90), U("b", 90), U("c", 80)]);

        Assert.That(Proposed(result, "co"), Is.EqualTo("a* b*"));
    }

    [Test]
    public void NoTieAtTheCut_NoFlag()
    {
        var rules = Rules(Award("bk", 10, Quota(perGroup: 2)));
        var result = Score(rules, [Group("G", "a", "b", "c")], [U("a", 95), U("b", 90), U("c", 89)]);

        Assert.That(Proposed(result, "bk"), Is.EqualTo("a b"));
    }

    [Test]
    public void Reason_ExplainsRankTotalAndGrade()
    {
        var rules = Rules(Award("co", 10, Quota(perGroup: 1)));
        var result = Score(rules, [new GroupRecord("C1", "Cụm thi đua số 1", "cluster", ["a", "b"])], [U("a", 96.5m), U("b", 80)]);

        Assert.That(result.Awards.Single().Reason, Is.EqualTo("Dẫn đầu cụm thi đua số 1 với 96,5 điểm, xếp loại Hoàn thành xuất sắc nhiệm vụ").IgnoreCase);
    }

    [Test]
    public void CutHelper_ZeroLimitTakesNobody()
    {
        var (taken, _) = Scoring.Engine.Awards.AwardAllocator.Cut(new List<int> { 1, 2 }, 0, (a, b) => a == b);

        Assert.That(taken, Is.Empty);
    }

    [Test]
    public void UnitInTwoGroups_GetsOneAward()
    {
        var rules = Rules(Award("co", 10, Quota(perGroup: 1)));
        var result = Score(rules, [Group("G1", "a", "b"), Group("G2", "a", "c")], [U("a", 95), U("b", 90), U("c", 80)]);

        Assert.That(result.Awards.Count(a => a.UnitCode == "a"), Is.EqualTo(1));
        Assert.That(result.Groups.SelectMany(g => g.Ranking).Where(u => u.Code == "a").Select(u => u.Award), Is.EqualTo(new[] { "co", "co" }));
    }
}
