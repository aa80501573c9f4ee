using System.Collections.Immutable;
using Scoring.Engine.Model;
using Scoring.Engine.Reviews;
using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Reviews;

public sealed class PhaseReviewTests
{
    private static readonly ImmutableArray<GradeBand> Grades = [Grade("xs", 90m, title: "Hoàn thành xuất sắc"), Grade("tot", 75m, title: "Hoàn thành tốt"), Grade("khac", null, title: "Hoàn thành")];

    private static Phase Phase(int minYears = 1, params AwardRule[] awards) => new(
        "2025-2027", "Giai đoạn 1 (2025–2027)", new YearRange(2025, 2027),
        [
            new PhaseMeasure("meanTotal", "Điểm bình quân", PhaseMeasureMethod.MeanTotal, null, null, "$.phases[0].measures[0]"),
            new PhaseMeasure("yearsXs", "Số năm xuất sắc", PhaseMeasureMethod.YearsAtGrade, "xs", null, "$.phases[0].measures[1]"),
            new PhaseMeasure("initiatives", "Sáng kiến", PhaseMeasureMethod.Sum, null, "initiatives", "$.phases[0].measures[2]"),
        ],
        ["meanTotal", "yearsXs"], "meanTotal", minYears, [.. awards], "$.phases[0]");

    private static RuleSet Rules(Phase phase, params AwardRule[] yearly) =>
        RuleSet([Indicator("score"), Indicator("initiatives", IndicatorType.Count)], [Section("S", 100m, Criterion("C", 100m, new ExpressionMethod("score")))],
            grades: Grades, awards: yearly) with { Phases = [phase] };

    private static YearOutcome Y(string unit, int year, decimal total, string grade, decimal initiatives = 0, string? award = null) =>
        new(unit, year, total, grade, award, ImmutableDictionary<string, decimal>.Empty.Add("initiatives", initiatives));

    private static PhaseUnit PU(string code, bool dissolved = false, string? successor = null) => new(code, "Đơn vị " + code, "locality", dissolved, successor);

    private static PhaseReviewResult Review(RuleSet rules, ImmutableArray<GroupRecord> groups, ImmutableArray<PhaseUnit> units, params YearOutcome[] outcomes) =>
        PhaseReviewer.Review(new PhaseReviewRequest(rules, Identity, "2025-2027", groups, units, [.. outcomes]));

    private static AwardQuota Quota(int? perGroup = null, int? perTenant = null, decimal? share = null, string? of = null) => new(perGroup, perTenant, share, of);

    [Test]
    public void Measures_MeanOfTotals_YearsAtGradeOrBetter_SumOfCounts()
    {
        var result = Review(Rules(Phase()), [Group("G", "a")], [PU("a")],
            Y("a", 2025, 88.5m, "tot", 1), Y("a", 2026, 92m, "xs", 2), Y("a", 2027, 95.25m, "xs", 4));

        var a = result.Groups[0].Ranking[0];
        // (88.5 + 92 + 95.25) / 3 = 91.9166… → 91.92; xs in 2026 and 2027; 1 + 2 + 4 initiatives.
        Assert.That(a.Measures.Select(m => m.Value), Is.EqualTo(new[] { 91.92m, 2m, 7m }));
        Assert.That(a.Grade, Is.EqualTo("xs"));
        Assert.That(a.YearsScored, Is.EqualTo(3));
        Assert.That(a.Rank, Is.EqualTo(1));
    }

    [Test]
    public void Ranking_ByMeanThenYearsAtGrade_TiesShareRank()
    {
        var result = Review(Rules(Phase()), [Group("G", "a", "b", "c", "d")], [PU("a"), PU("b"), PU("c"), PU("d")],
            Y("a", 2025, 80, "tot"), Y("a", 2026, 100, "xs"),          // mean 90, 1 year xs
            Y("b", 2025, 90, "xs"), Y("b", 2026, 90, "xs"),            // mean 90, 2 years xs: before a
            Y("c", 2025, 95, "xs"),                                     // mean 95: first
            Y("d", 2025, 90, "xs"), Y("d", 2026, 90, "xs"));           // same as b: tied

        var ranking = result.Groups[0].Ranking;
        Assert.That(ranking.Select(u => $"{u.Code}{u.Rank}{(u.Tied ? "=" : "")}"), Is.EqualTo(new[] { "c1", "b2=", "d2=", "a4" }));
        Assert.That(result.Tenant.Select(u => u.Code), Is.EqualTo(new[] { "c", "b", "d", "a" }));
    }

    [Test]
    public void Successor_TakesMeanOfItsPredecessorsForYearsBeforeItExisted()
    {
        // p1 and p2 merged into n on 1/7/2025; n has its own results from 2026.
        var result = Review(Rules(Phase()), [Group("G", "n")], [PU("p1", successor: "n"), PU("p2", successor: "n"), PU("n")],
            Y("p1", 2025, 80, "tot", 1), Y("p2", 2025, 91, "xs", 2), Y("n", 2026, 90, "xs", 1), Y("n", 2027, 94, "xs"));

        var n = result.Groups[0].Ranking[0];
        Assert.That(n.Years[0].Total, Is.EqualTo(85.5m), "mean of 80 and 91");
        Assert.That(n.Years[0].Grade, Is.EqualTo("xs"), "best grade of the predecessors (docs/cli.md history rule)");
        Assert.That(n.Years[0].From, Is.EqualTo(new[] { "p1", "p2" }));
        Assert.That(n.Measures[0].Value, Is.EqualTo(89.83m), "(85.5 + 90 + 94) / 3");
        Assert.That(n.Measures[2].Value, Is.EqualTo(4m), "1 + 2 + 1 initiatives");
    }

    [Test]
    public void DissolvedAndTooShortUnits_AreShownButNeverRankedNorCountedInMaxRank()
    {
        var co = Award("co", 30, Quota(perGroup: 1), maxRank: 1);
        var result = Review(Rules(Phase(2, co)), [Group("G", "gone", "new", "b")], [PU("gone", dissolved: true), PU("new"), PU("b")],
            Y("gone", 2025, 99, "xs"), Y("gone", 2026, 99, "xs"), Y("new", 2027, 98, "xs"), Y("b", 2025, 80, "tot"), Y("b", 2026, 82, "tot"));

        var ranking = result.Groups[0].Ranking;
        Assert.That(ranking.Select(u => $"{u.Code}:{u.Rank?.ToString() ?? "-"}"), Is.EqualTo(new[] { "b:1", "gone:-", "new:-" }));
        Assert.That(result.Awards.Select(a => a.UnitCode), Is.EqualTo(new[] { "b" }), "b leads: the dissolved unit does not take rank 1");
        Assert.That(ranking.Single(u => u.Code == "new").Notes[0], Does.Contain("cần ít nhất 2 năm"));
    }

    [Test]
    public void GovernmentFlag_AtMostTwentyPercentOfProvincialFlagQualifiers()
    {
        // Eleven groups, each leader qualifies for the provincial flag: floor(0.2 × 11) = 2 Government flags.
        var cp = Award("co-cp", 50, Quota(share: 0.2m, of: "co-tinh"), grades: ["xs"],
            prerequisites: [new AwardPrerequisite(PrerequisiteKind.QualifiesFor, "co-tinh", [], 0, "$.p")]);
        var tinh = Award("co-tinh", 30, Quota(perGroup: 1), maxRank: 1, grades: ["xs"]);
        var groups = Enumerable.Range(1, 11).Select(i => Group($"G{i:00}", $"u{i:00}", $"w{i:00}")).ToImmutableArray();
        var outcomes = Enumerable.Range(1, 11).SelectMany(i => new[] { Y($"u{i:00}", 2025, 90 + i * 0.5m, "xs"), Y($"w{i:00}", 2025, 70, "khac") }).ToArray();
        var result = Review(Rules(Phase(1, cp, tinh)), groups, [.. groups.SelectMany(g => g.Members).Select(c => PU(c))], outcomes);

        Assert.That(result.Awards.Where(a => a.Award == "co-cp").Select(a => a.UnitCode), Is.EqualTo(new[] { "u10", "u11" }), "the two best leaders, listed by group");
        // Exclusivity: the two Government flags do not also get the provincial flag.
        Assert.That(result.Awards.Where(a => a.Award == "co-tinh").Select(a => a.UnitCode).ToList(), Has.Count.EqualTo(9).And.No.Member("u11"));
    }

    // Issue 13: withoutHistory at a review. "n" was created in 2026 and has two of the phase's three years.
    [Test]
    public void WithoutHistory_Exempt_AsksYearsAtGradeForAtMostTheYearsTheUnitHas()
    {
        AwardRule Bk(HistoryPolicy policy) => Award("bk", 20, prerequisites: [new AwardPrerequisite(PrerequisiteKind.YearsAtGrade, null, ["xs"], 3, "$.p0")])
            with { WithoutHistory = policy };
        YearOutcome[] outcomes =
        [
            Y("n", 2026, 95, "xs"), Y("n", 2027, 96, "xs"),
            Y("o", 2025, 91, "xs"), Y("o", 2026, 80, "tot"), Y("o", 2027, 92, "xs"),
        ];

        var barred = Review(Rules(Phase(1, Bk(HistoryPolicy.Barred))), [Group("G", "n", "o")], [PU("n"), PU("o")], outcomes);
        var exempt = Review(Rules(Phase(1, Bk(HistoryPolicy.Exempt))), [Group("G", "n", "o")], [PU("n"), PU("o")], outcomes);

        Assert.That(barred.Awards, Is.Empty, "barred: n has 2 years, not 3; o has 2 years excellent of 3");
        Assert.That(exempt.Awards.Select(a => a.UnitCode), Is.EqualTo(new[] { "n" }), "exempt: n's 2 years are both excellent; o still needs 3");
        Assert.That(exempt.Awards[0].Reason, Does.Contain("2 năm đạt Hoàn thành xuất sắc (cần 2, đơn vị có kết quả 2 năm của giai đoạn)"));
    }

    [Test]
    public void Prerequisites_YearsAtGradeAndYearlyAward()
    {
        var bk = Award("bk", 20, grades: ["xs", "tot"], prerequisites:
        [
            new AwardPrerequisite(PrerequisiteKind.YearsAtGrade, null, ["xs"], 2, "$.p0"),
            new AwardPrerequisite(PrerequisiteKind.AwardInPreviousYears, "gk", [], 3, "$.p1"),
        ]);
        var result = Review(Rules(Phase(1, bk), Award("gk", 1)), [Group("G", "a", "b", "c")], [PU("a"), PU("b"), PU("c")],
            Y("a", 2025, 91, "xs", award: "gk"), Y("a", 2026, 92, "xs"),  // both hold
            Y("b", 2025, 93, "xs"), Y("b", 2026, 94, "xs"),                // no Giấy khen in the phase
            Y("c", 2025, 91, "xs", award: "gk"), Y("c", 2026, 80, "tot")); // one year xs only

        Assert.That(result.Awards.Select(a => a.UnitCode), Is.EqualTo(new[] { "a" }));
        Assert.That(result.Awards[0].Reason, Does.Contain("2 năm đạt Hoàn thành xuất sắc (cần 2)"));
    }

    [Test]
    public void Eligibility_ReadsMeasures()
    {
        var bk = Award("bk", 20, eligibility: "initiatives >= 3 && yearsScored >= 2");
        var result = Review(Rules(Phase(1, bk)), [Group("G", "a", "b")], [PU("a"), PU("b")],
            Y("a", 2025, 80, "tot", 2), Y("a", 2026, 80, "tot", 1), Y("b", 2025, 99, "xs", 5));

        Assert.That(result.Awards.Select(a => a.UnitCode), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void Json_IsTheSameBytesWhateverTheInputOrder()
    {
        var rules = Rules(Phase(1, Award("bk", 20, Quota(perGroup: 1))));
        var outcomes = new[] { Y("a", 2025, 80, "tot", 2), Y("b", 2025, 90, "xs"), Y("b", 2026, 70, "khac", 3), Y("a", 2027, 85.5m, "tot") };
        var one = Review(rules, [Group("G1", "a"), Group("G2", "b")], [PU("a"), PU("b")], outcomes);
        var two = Review(rules, [Group("G2", "b"), Group("G1", "a")], [PU("b"), PU("a")], [.. outcomes.Reverse()]);

        Assert.That(PhaseReviewJson.Write(two), Is.EqualTo(PhaseReviewJson.Write(one)));
        Assert.That(PhaseReviewJson.Write(one), Does.Contain("\"value\": 82.75").And.Not.Contain("\r"));
    }

    [Test]
    public void Json_AwardCarriesTotalAndAuthority_AsTheYearlyAwardDoes()
    {
        var bk = Award("bk", 20, Quota(perGroup: 1)) with { Authority = new AwardAuthority(AwardAuthorityLevel.ProvincialChairman, "gia-lai") };
        var result = Review(Rules(Phase(1, bk)), [Group("G", "a")], [PU("a")], Y("a", 2025, 80, "tot"), Y("a", 2026, 85.5m, "tot"));

        var award = Newtonsoft.Json.Linq.JObject.Parse(PhaseReviewJson.Write(result))["awards"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That((decimal)award["total"]!, Is.EqualTo(82.75m));
            Assert.That(award["value"], Is.Null, "the review names the award's total 'total' like the yearly result");
            Assert.That((string?)award["authority"]!["level"], Is.EqualTo("provincial-chairman"), "the format's word, as in the yearly result");
            Assert.That((string?)award["authority"]!["tenant"], Is.EqualTo("gia-lai"));
        });
    }

    [Test]
    public void UnknownPhase_IsAClearError()
    {
        var ex = Assert.Throws<ArgumentException>(() => PhaseReviewer.Review(new PhaseReviewRequest(Rules(Phase()), Identity, "2027-2030", [], [], [])));
        Assert.That(ex!.Message, Does.Contain("không khai báo giai đoạn «2027-2030»").And.Contain("2025-2027"));
    }
}
