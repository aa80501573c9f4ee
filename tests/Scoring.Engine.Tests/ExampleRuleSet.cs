using System.Collections.Immutable;
using NodaTime;
using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests;

/// <summary>
/// rules-catalog/examples/vi-du-day-du.rules.json built by hand (same ids, numbers and expressions), and a variant
/// whose operands are all bare identifiers (usable without the full expression compiler).
/// </summary>
internal static class ExampleRuleSet
{
    public static ImmutableArray<IndicatorDefinition> Indicators =>
    [
        Def("dti", IndicatorType.Number, 0m, 1m, "Chỉ số DTI (0–1)"),
        Def("fullyOnlineProcedureRate", IndicatorType.Percent, 0m, 100m, "Tỷ lệ TTHC trực tuyến toàn trình (%)"),
        Def("staffTotal", IndicatorType.Count, 0m, null, "Tổng số cán bộ, công chức"),
        Def("staffTrained", IndicatorType.Count, 0m, null, "Số cán bộ hoàn thành Bình dân học vụ số"),
        Def("residentsTrained", IndicatorType.Count, 0m, null, "Số người dân được phổ cập kỹ năng số"),
        Def("residentsTarget", IndicatorType.Count, 0m, null, "Chỉ tiêu phổ cập được giao"),
        Def("initiativesRecognised", IndicatorType.Count, 0m, null, "Số sáng kiến được công nhận", IndicatorValue.FromNumber(0m, IndicatorType.Count)),
        Def("cyberDrillHeld", IndicatorType.Boolean, null, null, "Đã diễn tập an toàn thông tin"),
        Def("reportSubmittedOn", IndicatorType.Date, null, null, "Ngày gửi báo cáo năm"),
        Def("securityIncidents", IndicatorType.Count, 0m, null, "Số sự cố mất an toàn thông tin", IndicatorValue.FromNumber(0m, IndicatorType.Count)),
        Def("pas766", IndicatorType.Number, 0m, 100m, "Điểm Bộ chỉ số 766"),
    ];

    /// <summary>The example exactly (II.1 and II.2 need the full expression compiler).</summary>
    public static RuleSet Full() => Build(
        new ExpressionMethod("Ratio(staffTrained, staffTotal) >= 0.8m ? 15 : Round(Ratio(staffTrained, staffTotal) / 0.8m * 15, 2)"),
        new CheckMethod("cyberDrillHeld && securityIncidents == 0", null),
        eligibility: "total >= 80 && rank <= groupSize / 2");

    /// <summary>The example with II.1 as a target on staffTrained (20) and II.2 checking cyberDrillHeld only.</summary>
    public static RuleSet Simple() => Build(new TargetMethod("staffTrained", "20", false), new CheckMethod("cyberDrillHeld", null), eligibility: null);

    /// <summary>The example's own test case.</summary>
    public static RuleSetTestCase TestCase() => new(
        "Xã đạt đủ các chỉ tiêu chính, nộp báo cáo trễ 2 ngày",
        2025,
        Values(
            ("dti", 0.812m), ("fullyOnlineProcedureRate", 40), ("staffTotal", 25), ("staffTrained", 20),
            ("residentsTrained", 1200), ("residentsTarget", 1000), ("pas766", 71.5m),
            ("cyberDrillHeld", true), ("securityIncidents", 0), ("initiativesRecognised", 1),
            ("reportSubmittedOn", new LocalDate(2025, 11, 12))),
        [new TestPeer("B", Values(("residentsTrained", 1500), ("residentsTarget", 1000), ("pas766", 80)))],
        new Dictionary<string, decimal>
        {
            ["I.1"] = 20m, ["I.2"] = 7.5m, ["I.3"] = 10.5m, ["I.4"] = 8m, ["II.1"] = 15m, ["II.2"] = 10m, ["II.3"] = 13m, ["T.1"] = 2m, ["P.1"] = 0m,
        }.ToImmutableDictionary(),
        86m,
        "tot",
        "$.tests[0]");

    private static RuleSet Build(CriterionMethod ii1, CriterionMethod ii2, string? eligibility) => new(
        1, "vi-du.day-du", "1.0.0", "Ví dụ đầy đủ: bảng chấm điểm thi đua chuyển đổi số cho cấp xã", "vi-du", "dmst-cds-2025-2030",
        "Ví dụ minh họa định dạng, không phải văn bản thật", new YearRange(2025, 2030), [UnitKind.Locality], 2,
        Indicators,
        [
            new Section("I", "Chuyển đổi số và dịch vụ công trực tuyến", 60m,
            [
                C("I.1", "Chỉ số DTI của đơn vị", 20m, new BandsMethod("dti",
                [
                    Band(20m, atLeast: 0.8m, label: "Từ 0,8 trở lên"), Band(14m, atLeast: 0.65m, below: 0.8m),
                    Band(8m, atLeast: 0.5m, below: 0.65m), Band(0m, label: "Dưới 0,5 hoặc không có số liệu"),
                ]), "$.sections[0].criteria[0]"),
                C("I.2", "Tỷ lệ TTHC trực tuyến toàn trình so với mục tiêu 80%", 15m, new TargetMethod("fullyOnlineProcedureRate", "80", false), "$.sections[0].criteria[1]"),
                C("I.3", "Phổ cập kỹ năng số cho người dân so với chỉ tiêu và đơn vị dẫn đầu cụm", 15m, new RelativeMethod("residentsTrained", "residentsTarget"), "$.sections[0].criteria[2]"),
                C("I.4", "Xếp hạng điểm Bộ chỉ số 766 trong cụm", 10m, new RankMethod("pas766", true, [10m, 8m, 6m], 4m), "$.sections[0].criteria[3]"),
            ], "$.sections[0]"),
            new Section("II", "Bình dân học vụ số, an toàn thông tin và báo cáo", 40m,
            [
                C("II.1", "Tỷ lệ cán bộ hoàn thành Bình dân học vụ số", 15m, ii1, "$.sections[1].criteria[0]"),
                C("II.2", "Diễn tập an toàn thông tin", 10m, ii2, "$.sections[1].criteria[1]"),
                C("II.3", "Gửi báo cáo năm đúng hạn (trước 10/11)", 15m,
                    new DeadlineMethod("reportSubmittedOn", new DueDate(null, new AnnualDate(11, 10)), 1m, DeductionUnit.Day, 0m), "$.sections[1].criteria[2]"),
            ], "$.sections[1]"),
        ],
        new Adjustment(10m, [C("T.1", "Sáng kiến được công nhận (2 điểm/sáng kiến)", 10m, new CountMethod("initiativesRecognised", 2m), "$.bonus.criteria[0]")], "$.bonus"),
        new Adjustment(10m, [C("P.1", "Để xảy ra sự cố mất an toàn thông tin (trừ 5 điểm/sự cố)", 10m, new CountMethod("securityIncidents", 5m), "$.penalty.criteria[0]")], "$.penalty"),
        new TotalLimits(0m, 110m),
        [
            new GradeBand("xuat-sac", "Hoàn thành xuất sắc nhiệm vụ", 90m, null, "$.grades[0]"),
            new GradeBand("tot", "Hoàn thành tốt nhiệm vụ", 75m, null, "$.grades[1]"),
            new GradeBand("hoan-thanh", "Hoàn thành nhiệm vụ", 50m, null, "$.grades[2]"),
            new GradeBand("chua-hoan-thanh", "Không hoàn thành nhiệm vụ", null, null, "$.grades[3]"),
        ],
        [
            new TieBreaker(TieBreakerKind.Section, "I", true, "$.tieBreakers[0]"),
            new TieBreaker(TieBreakerKind.Criterion, "II.3", true, "$.tieBreakers[1]"),
            new TieBreaker(TieBreakerKind.Penalty, null, false, "$.tieBreakers[2]"),
        ],
        [
            new AwardRule("co-thi-dua-tinh", "Cờ thi đua của UBND tỉnh", 30, [], 95m, ["xuat-sac"], 1, null, new AwardQuota(1, null, null, null),
                [new AwardPrerequisite(PrerequisiteKind.GradeInPreviousYears, null, ["xuat-sac"], 1, "$.awards[0].prerequisites[0]")], "$.awards[0]"),
            new AwardRule("bang-khen-chu-tich", "Bằng khen của Chủ tịch UBND tỉnh", 20, [], 85m, ["xuat-sac"], null, null, new AwardQuota(3, null, 0.2m, "group"), [], "$.awards[1]"),
            new AwardRule("giay-khen", "Giấy khen", 10, [], null, ["xuat-sac", "tot"], null, eligibility, new AwardQuota(5, null, null, null), [], "$.awards[2]"),
        ],
        [TestCase()]);

    private static IndicatorDefinition Def(string id, IndicatorType type, decimal? min, decimal? max, string title, IndicatorValue? fallback = null) =>
        new(id, title, type, min, max, IndicatorSource.SelfReported, false, null, fallback, $"$.indicators[{id}]");

    private static Criterion C(string id, string title, decimal max, CriterionMethod method, string path) => new(id, title, null, max, method, path);
}
