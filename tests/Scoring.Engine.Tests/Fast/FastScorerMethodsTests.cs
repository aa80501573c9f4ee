using NodaTime;
using Scoring.Engine.Evaluation.Fast;
using Scoring.Rules.Model;

namespace Scoring.Engine.Tests.Fast;

/// <summary>The per-unit methods the workload does not use, through the fast path and the exact path alike.</summary>
public sealed class FastScorerMethodsTests
{
    [Test]
    public void Deadline_deducts_per_day_or_week_late_down_to_the_floor()
    {
        var due = new DueDate(new LocalDate(2025, 11, 10), null);
        var rs = new FastRuleSetBuilder()
            .Add("D", 15, new DeadlineMethod("d", due, 1, DeductionUnit.Day, 0))
            .Add("W", 10, new DeadlineMethod("d", due, 2, DeductionUnit.Week, 3))
            .Build();
        var scorer = FastScorer.Compile(rs, 2025);
        var dates = new[] { new LocalDate(2025, 11, 9), new LocalDate(2025, 11, 12), new LocalDate(2025, 11, 18), new LocalDate(2026, 1, 30) };
        var builder = scorer.CreateTable(dates.Length);
        for (var u = 0; u < dates.Length; u++)
        {
            builder.Set(u, "d", IndicatorValue.FromDate(dates[u])).Set(u, "a", IndicatorValue.FromNumber(1m)).Set(u, "b", IndicatorValue.FromNumber(1m)).Set(u, "flag", IndicatorValue.FromBoolean(true));
        }
        var table = builder.Build();

        var points = scorer.ScorePoints(table);
        var exact = scorer.ScorePointsExact(table);

        // On time; 2 days late; 8 days (2 weeks) late; 81 days late (floors 0 and 3).
        Assert.That(Column(points, 0), Is.EqualTo(new[] { 15m, 13m, 7m, 0m }));
        Assert.That(Column(points, 1), Is.EqualTo(new[] { 10m, 8m, 6m, 3m }));
        Assert.That(Column(points, 0).Concat(Column(points, 1)), Is.EqualTo(Column(exact, 0).Concat(Column(exact, 1))));
    }

    [Test]
    public void Deadline_needs_the_scoring_year()
    {
        var rs = new FastRuleSetBuilder().Add("D", 15, new DeadlineMethod("d", new DueDate(new LocalDate(2025, 11, 10), null), 1, DeductionUnit.Day, 0)).Build();

        var error = Assert.Throws<FastCompileException>(() => FastScorer.Compile(rs));

        Assert.That(error!.Message, Does.Contain("'D'").And.Contain("year"));
    }

    [Test]
    public void Target_lower_is_better_and_check_with_its_own_points()
    {
        var rs = new FastRuleSetBuilder()
            .Add("L", 6, new TargetMethod("a", "b", true))
            .Add("K", 10, new CheckMethod("flag && a < 3", 4))
            .Build();
        var scorer = FastScorer.Compile(rs);
        var rows = new (decimal A, decimal B, bool Flag)[] { (2, 4, true), (8, 4, true), (0, 4, false), (3, 0, true) };
        var builder = scorer.CreateTable(rows.Length);
        for (var u = 0; u < rows.Length; u++)
        {
            builder.Set(u, "a", IndicatorValue.FromNumber(rows[u].A)).Set(u, "b", IndicatorValue.FromNumber(rows[u].B)).Set(u, "flag", IndicatorValue.FromBoolean(rows[u].Flag));
        }
        var table = builder.Build();

        var points = scorer.ScorePoints(table);

        // Under the target: full; twice the target: half; a target of 0 scores 0.
        Assert.That(Column(points, 0), Is.EqualTo(new[] { 6m, 3m, 6m, 0m }));
        Assert.That(Column(points, 1), Is.EqualTo(new[] { 4m, 0m, 0m, 0m }));
    }

    [Test]
    public void Group_methods_are_left_out_of_the_fast_path()
    {
        var rs = new FastRuleSetBuilder()
            .Formula("F", 10, "a + b")
            .Add("R", 10, new RankMethod("a", true, [10, 8], 4))
            .Build();

        var scorer = FastScorer.Compile(rs);

        Assert.That(scorer.CriterionIds, Is.EqualTo(new[] { "F" }));
    }

    private static decimal[] Column(PointsTable points, int criterion) =>
        [.. Enumerable.Range(0, points.UnitCount).Select(u => points[u, criterion])];
}
