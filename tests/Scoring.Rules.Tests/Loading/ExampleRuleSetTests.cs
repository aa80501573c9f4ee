using NodaTime;
using Scoring.Rules.Loading;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Rules.Tests.Loading;

/// <summary>The documented example file, read into the model field by field.</summary>
public sealed class ExampleRuleSetTests
{
    private RuleSetLoadResult result = null!;
    private RuleSet set = null!;

    [OneTimeSetUp]
    public void LoadExample()
    {
        result = RuleSetLoader.LoadFile(RepositoryPaths.ExampleRuleSet);
        Assert.That(result.Diagnostics, Is.Empty, () => string.Join("\n", result.Diagnostics));
        set = result.Document!.RuleSet;
    }

    [Test]
    public void Header()
    {
        Assert.That(set.FormatVersion, Is.EqualTo(1));
        Assert.That(set.Id, Is.EqualTo("vi-du.day-du"));
        Assert.That(set.Version, Is.EqualTo("1.0.0"));
        Assert.That(set.Title, Is.EqualTo("Ví dụ đầy đủ: bảng chấm điểm thi đua chuyển đổi số cho cấp xã"));
        Assert.That((set.Tenant, set.Movement), Is.EqualTo(("vi-du", "dmst-cds-2025-2030")));
        Assert.That(set.Source, Is.EqualTo("Ví dụ minh họa định dạng, không phải văn bản thật"));
        Assert.That(set.Years, Is.EqualTo(new YearRange(2025, 2030)));
        Assert.That(set.UnitKinds, Is.EqualTo(new[] { UnitKind.Locality }));
        Assert.That(set.Precision, Is.EqualTo(2));
        Assert.That(set.BasePoints, Is.EqualTo(100m));
        Assert.That(set.Total, Is.EqualTo(new TotalLimits(0m, 110m)));
    }

    [Test]
    public void Identity_IsTheHashOfTheCanonicalText()
    {
        var identity = result.Document!.Identity;
        var canonical = CanonicalJson.FromText(File.ReadAllText(RepositoryPaths.ExampleRuleSet));

        Assert.That(identity.Id, Is.EqualTo("vi-du.day-du"));
        Assert.That(identity.Version, Is.EqualTo("1.0.0"));
        Assert.That(identity.Sha256, Is.EqualTo(RuleSetHasher.Sha256(canonical)));
        Assert.That(identity.Sha256, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(result.Document.File, Is.EqualTo(RepositoryPaths.ExampleRuleSet));
    }

    [Test]
    public void Indicators()
    {
        Assert.That(set.Indicators.Select(i => i.Id), Is.EqualTo(new[]
        {
            "dti", "fullyOnlineProcedureRate", "staffTotal", "staffTrained", "residentsTrained", "residentsTarget",
            "initiativesRecognised", "cyberDrillHeld", "reportSubmittedOn", "securityIncidents", "pas766",
        }));
        var dti = set.Indicators[0];
        Assert.That(dti, Is.EqualTo(new IndicatorDefinition("dti", "Chỉ số DTI (0–1)", IndicatorType.Number, 0m, 1m,
            IndicatorSource.Imported, false, null, null, "$.indicators[0]")));
        var staffTrained = set.Indicators[3];
        Assert.That((staffTrained.Type, staffTrained.Source, staffTrained.EvidenceRequired, staffTrained.Min, staffTrained.Max),
            Is.EqualTo((IndicatorType.Count, IndicatorSource.SelfReported, true, (decimal?)0m, (decimal?)null)));
        Assert.That(set.Indicators[6].Default, Is.EqualTo(IndicatorValue.FromNumber(0m, IndicatorType.Count)));
        Assert.That(set.Indicators[7].Type, Is.EqualTo(IndicatorType.Boolean));
        Assert.That(set.Indicators[8].Type, Is.EqualTo(IndicatorType.Date));
    }

    [Test]
    public void SectionsAndCriteria()
    {
        Assert.That(set.Sections.Select(s => (s.Id, s.MaxPoints, s.Path)), Is.EqualTo(new[]
        {
            ("I", 60m, "$.sections[0]"), ("II", 40m, "$.sections[1]"),
        }));
        var i1 = set.Sections[0].Criteria[0];
        Assert.That((i1.Id, i1.Title, i1.Clause, i1.MaxPoints, i1.Path), Is.EqualTo(("I.1", "Chỉ số DTI của đơn vị",
            "KH ví dụ, mục III.1, gạch đầu dòng 1", 20m, "$.sections[0].criteria[0]")));
        var bands = (BandsMethod)i1.Method;
        Assert.That(bands.Value, Is.EqualTo("dti"));
        Assert.That(bands.Rows, Has.Length.EqualTo(4));
        Assert.That(bands.Rows[0], Is.EqualTo(new BandRow(0.8m, null, null, null, 20m, "Từ 0,8 trở lên", "$.sections[0].criteria[0].bands[0]")));
        Assert.That(bands.Rows[1], Is.EqualTo(new BandRow(0.65m, null, null, 0.8m, 14m, null, "$.sections[0].criteria[0].bands[1]")));
        Assert.That(bands.Rows[3].IsCatchAll, Is.True);

        Assert.That(set.Sections[0].Criteria[1].Method, Is.EqualTo(new TargetMethod("fullyOnlineProcedureRate", "80", false)));
        Assert.That(set.Sections[0].Criteria[2].Method, Is.EqualTo(new RelativeMethod("residentsTrained", "residentsTarget")));
        var rank = (RankMethod)set.Sections[0].Criteria[3].Method;
        Assert.That((rank.Value, rank.Descending, rank.Otherwise), Is.EqualTo(("pas766", true, 4m)));
        Assert.That(rank.Points, Is.EqualTo(new[] { 10m, 8m, 6m }));

        Assert.That(((ExpressionMethod)set.Sections[1].Criteria[0].Method).Formula,
            Is.EqualTo("Ratio(staffTrained, staffTotal) >= 0.8m ? 15 : Round(Ratio(staffTrained, staffTotal) / 0.8m * 15, 2)"));
        Assert.That(set.Sections[1].Criteria[1].Method, Is.EqualTo(new CheckMethod("cyberDrillHeld && securityIncidents == 0", null)));
        var deadline = (DeadlineMethod)set.Sections[1].Criteria[2].Method;
        Assert.That((deadline.Date, deadline.Deduction, deadline.Per, deadline.Floor),
            Is.EqualTo(("reportSubmittedOn", 1m, DeductionUnit.Day, 0m)));
        Assert.That(deadline.Due.For(2025), Is.EqualTo(new LocalDate(2025, 11, 10)));
        Assert.That(deadline.Due.Fixed, Is.Null);
    }

    [Test]
    public void BonusAndPenalty()
    {
        Assert.That((set.Bonus.Cap, set.Bonus.Path), Is.EqualTo((10m, "$.bonus")));
        Assert.That(set.Bonus.Criteria.Single().Method, Is.EqualTo(new CountMethod("initiativesRecognised", 2m)));
        Assert.That(set.Bonus.Criteria.Single().Path, Is.EqualTo("$.bonus.criteria[0]"));
        Assert.That(set.Penalty.Cap, Is.EqualTo(10m));
        Assert.That(set.Penalty.Criteria.Single().Method, Is.EqualTo(new CountMethod("securityIncidents", 5m)));
        Assert.That(set.AllCriteria.Select(c => c.Id), Is.EqualTo(new[] { "I.1", "I.2", "I.3", "I.4", "II.1", "II.2", "II.3", "T.1", "P.1" }));
    }

    [Test]
    public void GradesAndTieBreakers()
    {
        Assert.That(set.Grades.Select(g => (g.Id, g.MinTotal)), Is.EqualTo(new[]
        {
            ("xuat-sac", (decimal?)90m), ("tot", 75m), ("hoan-thanh", 50m), ("chua-hoan-thanh", null),
        }));
        Assert.That(set.Grades[^1].IsCatchAll, Is.True);
        Assert.That(set.Grades[0].Title, Is.EqualTo("Hoàn thành xuất sắc nhiệm vụ"));
        Assert.That(set.TieBreakers, Is.EqualTo(new[]
        {
            new TieBreaker(TieBreakerKind.Section, "I", true, "$.tieBreakers[0]"),
            new TieBreaker(TieBreakerKind.Criterion, "II.3", true, "$.tieBreakers[1]"),
            new TieBreaker(TieBreakerKind.Penalty, null, false, "$.tieBreakers[2]"),
        }));
    }

    [Test]
    public void Awards()
    {
        Assert.That(set.Awards.Select(a => (a.Id, a.Precedence)), Is.EqualTo(new[]
        {
            ("co-thi-dua-tinh", 30), ("bang-khen-chu-tich", 20), ("giay-khen", 10),
        }));
        var flag = set.Awards[0];
        Assert.That((flag.MinTotal, flag.MaxRank, flag.Eligibility), Is.EqualTo(((decimal?)95m, (int?)1, (string?)null)));
        Assert.That(flag.Grades, Is.EqualTo(new[] { "xuat-sac" }));
        Assert.That(flag.Years, Is.Empty);
        Assert.That(flag.Quota, Is.EqualTo(new AwardQuota(1, null, null, null)));
        var prerequisite = flag.Prerequisites.Single();
        Assert.That((prerequisite.Kind, prerequisite.Award, prerequisite.Years, prerequisite.Path),
            Is.EqualTo((PrerequisiteKind.GradeInPreviousYears, (string?)null, 1, "$.awards[0].prerequisites[0]")));
        Assert.That(prerequisite.Grades, Is.EqualTo(new[] { "xuat-sac" }));
        Assert.That(set.Awards[1].Quota, Is.EqualTo(new AwardQuota(3, null, 0.2m, "group")));
        Assert.That(set.Awards[2].Eligibility, Is.EqualTo("total >= 80 && rank <= groupSize / 2"));
        Assert.That(set.Awards[2].Grades, Is.EqualTo(new[] { "xuat-sac", "tot" }));
    }

    [Test]
    public void Tests()
    {
        var test = set.Tests.Single();
        Assert.That((test.Name, test.Year, test.Path), Is.EqualTo(("Xã đạt đủ các chỉ tiêu chính, nộp báo cáo trễ 2 ngày", 2025, "$.tests[0]")));
        Assert.That(test.Values, Has.Count.EqualTo(11));
        Assert.That(test.Values["dti"], Is.EqualTo(IndicatorValue.FromNumber(0.812m)));
        Assert.That(test.Values["fullyOnlineProcedureRate"].Type, Is.EqualTo(IndicatorType.Percent));
        Assert.That(test.Values["cyberDrillHeld"], Is.EqualTo(IndicatorValue.FromBoolean(true)));
        Assert.That(test.Values["reportSubmittedOn"], Is.EqualTo(IndicatorValue.FromDate(new LocalDate(2025, 11, 12))));
        var peer = test.Peers.Single();
        Assert.That(peer.Code, Is.EqualTo("B"));
        Assert.That(peer.Values["pas766"].Number, Is.EqualTo(80m));
        Assert.That(test.ExpectedCriteria, Has.Count.EqualTo(9));
        Assert.That(test.ExpectedCriteria["I.2"], Is.EqualTo(7.5m));
        Assert.That((test.ExpectedTotal, test.ExpectedGrade), Is.EqualTo(((decimal?)86m, "tot")));
    }

    [Test]
    public void SourceMap_PositionsModelPaths()
    {
        var map = result.Document!.SourceMap;

        // Line 44: `          "maxPoints": 15, "method": "target", "value": "fullyOnlineProcedureRate", "target": 80`.
        Assert.That(map.Locate("$.sections[0].criteria[1].target"), Is.EqualTo(new SourcePosition(44, 95)));
        Assert.That(map.LocateName("$.sections[0].criteria[1].target"), Is.EqualTo(new SourcePosition(44, 85)));
        // Line 134: `        "criteria": { "I.1": 20, "I.2": 7.5, ...`.
        Assert.That(map.Locate("$.tests[0].expect.criteria['I.2']"), Is.EqualTo(new SourcePosition(134, 41)));
    }
}
