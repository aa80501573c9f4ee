using NodaTime;
using Scoring.Rules.Model;
using static Scoring.Engine.Tests.Builders;

namespace Scoring.Engine.Tests.Evaluation;

public sealed class CountCheckDeadlineTests
{
    [TestCase(0, 0)]
    [TestCase(3, 6)]
    [TestCase(5, 10)]
    [TestCase(9, 10)]
    public void Count_PointsEachCappedAtMax(int count, int expected)
    {
        var rules = Single(new CountMethod("initiatives", 2m), 10m, Indicator("initiatives", IndicatorType.Count, "Số sáng kiến"));

        var score = ScoreOne(rules, ("initiatives", count));

        Assert.That(score.Points, Is.EqualTo((decimal)expected));
        Assert.That(score.Outcome, Is.EqualTo($"count:{count}"));
    }

    [Test]
    public void Count_ReasonSaysWhenCapped()
    {
        var rules = Single(new CountMethod("initiatives", 2m), 10m, Indicator("initiatives", IndicatorType.Count, "Số sáng kiến"));

        Assert.That(ScoreOne(rules, ("initiatives", 7)).Reason,
            Is.EqualTo("Số sáng kiến = 7 × 2 điểm = 14 điểm, tối đa 10 điểm → 10/10 điểm"));
    }

    [Test]
    public void Check_PassAndFail()
    {
        var rules = Single(new CheckMethod("drill", null), 10m, Indicator("drill", IndicatorType.Boolean, "Đã diễn tập an toàn thông tin"));

        var pass = ScoreOne(rules, ("drill", true));
        var fail = ScoreOne(rules, ("drill", false));

        Assert.That(pass.Points, Is.EqualTo(10m));
        Assert.That(pass.Outcome, Is.EqualTo("pass"));
        Assert.That(pass.Reason, Is.EqualTo("Đã diễn tập an toàn thông tin: có → 10/10 điểm"));
        Assert.That(pass.Values.Single().Value, Is.EqualTo(1m));
        Assert.That(fail.Points, Is.Zero);
        Assert.That(fail.Outcome, Is.EqualTo("fail"));
        Assert.That(ScoreOne(rules).Outcome, Is.EqualTo("missing"));
    }

    [Test]
    public void Check_ExplicitPoints()
    {
        var rules = Single(new CheckMethod("drill", 4m), 10m, Indicator("drill", IndicatorType.Boolean));

        Assert.That(ScoreOne(rules, ("drill", true)).Points, Is.EqualTo(4m));
    }

    private static Model.CompiledRuleSet Deadline(DeductionUnit per, decimal deduction, decimal floor) => Single(
        new DeadlineMethod("reportOn", new DueDate(null, new AnnualDate(11, 10)), deduction, per, floor),
        15m,
        Indicator("reportOn", IndicatorType.Date, "Ngày gửi báo cáo năm"));

    [TestCase(2025, 11, 9, 15, "on-time")]
    [TestCase(2025, 11, 10, 15, "on-time")]
    [TestCase(2025, 11, 11, 14, "late:1d")]
    [TestCase(2025, 11, 12, 13, "late:2d")]
    [TestCase(2025, 12, 31, 0, "late:51d")]
    public void Deadline_PerDay(int y, int m, int d, int expected, string outcome)
    {
        var score = ScoreOne(Deadline(DeductionUnit.Day, 1m, 0m), ("reportOn", new LocalDate(y, m, d)));

        Assert.That(score.Points, Is.EqualTo((decimal)expected));
        Assert.That(score.Outcome, Is.EqualTo(outcome));
    }

    [Test]
    public void Deadline_Reason()
    {
        var score = ScoreOne(Deadline(DeductionUnit.Day, 1m, 0m), ("reportOn", new LocalDate(2025, 11, 12)));

        Assert.That(score.Reason, Is.EqualTo("Nộp ngày 12/11/2025, trễ 2 ngày so với hạn 10/11/2025; trừ 1 điểm/ngày → 13/15 điểm"));
        Assert.That(score.Values.Single().Date, Is.EqualTo(new LocalDate(2025, 11, 12)));
        Assert.That((score.Explanation.Submitted, score.Explanation.Due, score.Explanation.DaysLate), Is.EqualTo((new LocalDate(2025, 11, 12), new LocalDate(2025, 11, 10), 2)));
    }

    [Test]
    public void Deadline_ZeroFloor_IsNotMentioned()
    {
        var score = ScoreOne(Deadline(DeductionUnit.Day, 1m, 0m), ("reportOn", new LocalDate(2025, 12, 10)));

        Assert.That(score.Reason, Is.EqualTo("Nộp ngày 10/12/2025, trễ 30 ngày so với hạn 10/11/2025; trừ 1 điểm/ngày → 0/15 điểm"));
    }

    [TestCase(1, 13)]
    [TestCase(7, 13)]
    [TestCase(8, 11)]
    [TestCase(14, 11)]
    [TestCase(15, 9)]
    public void Deadline_PerWeek_AStartedWeekCounts(int daysLate, int expected)
    {
        var date = new LocalDate(2025, 11, 10).PlusDays(daysLate);

        Assert.That(ScoreOne(Deadline(DeductionUnit.Week, 2m, 0m), ("reportOn", date)).Points, Is.EqualTo((decimal)expected));
    }

    [Test]
    public void Deadline_NeverBelowFloor()
    {
        var score = ScoreOne(Deadline(DeductionUnit.Day, 2m, 5m), ("reportOn", new LocalDate(2025, 11, 30)));

        Assert.That(score.Points, Is.EqualTo(5m));
        Assert.That(score.Reason, Does.Contain("không thấp hơn 5 điểm"));
    }

    [Test]
    public void Deadline_DueDateFollowsTheScoringYear()
    {
        var rules = Deadline(DeductionUnit.Day, 1m, 0m);
        var unit = Unit("U", ("reportOn", new LocalDate(2026, 11, 11)));

        var result = ScoringEngine.Score(Request(rules, [Group("G", "U")], [unit], year: 2026));

        Assert.That(result.Criterion("U").Points, Is.EqualTo(14m));
    }

    [Test]
    public void Deadline_FixedDueDate()
    {
        var rules = Single(
            new DeadlineMethod("planOn", new DueDate(new LocalDate(2025, 8, 31), null), 1m, DeductionUnit.Day, 0m), 5m,
            Indicator("planOn", IndicatorType.Date));

        Assert.That(ScoreOne(rules, ("planOn", new LocalDate(2025, 9, 2))).Points, Is.EqualTo(3m));
    }

    [Test]
    public void Deadline_Missing_NotSubmitted()
    {
        var score = ScoreOne(Deadline(DeductionUnit.Day, 1m, 0m));

        Assert.That(score.Points, Is.Zero);
        Assert.That(score.Outcome, Is.EqualTo("missing"));
        Assert.That(score.Reason, Does.StartWith("Chưa nộp"));
    }

    [Test]
    public void Expression_BareIndicatorIsClampedToMax()
    {
        var rules = Single(new ExpressionMethod("raw"), 10m, Indicator("raw"));

        Assert.That(ScoreOne(rules, ("raw", 12.345m)).Points, Is.EqualTo(10m));
        Assert.That(ScoreOne(rules, ("raw", -3)).Points, Is.Zero);
        Assert.That(ScoreOne(rules, ("raw", 7.125m)).Points, Is.EqualTo(7.13m));
        Assert.That(ScoreOne(rules, ("raw", 12)).Reason, Does.Contain("giới hạn trong khoảng 0–10"));
    }
}
