using Scoring.Bench.Baselines;
using Scoring.Engine.Evaluation.Fast;
using Scoring.Rules.Model;

namespace Scoring.Engine.Tests.Fast;

/// <summary>Inputs on or next to a boundary: the guards must send them to the exact path, and the result must be exact.</summary>
public sealed class FastScorerBoundaryTests
{
    [Test]
    public void Ratio_94_8_over_118_5_reaches_the_80_percent_band()
    {
        var f = WorkloadFixtures.Get(3_400);
        var builder = f.Scorer.CreateTable(1);
        var k = f.Data.Indicators.Length;
        for (var j = 0; j < k; j++)
        {
            builder.Set(0, j, f.Data.Decimals[j]);
        }
        builder.Set(0, "budgetSpent", IndicatorValue.FromNumber(94.8m)).Set(0, "budgetAllocated", IndicatorValue.FromNumber(118.5m));
        var table = builder.Build();
        var r03 = f.Scorer.CriterionIds.IndexOf("R03");

        var points = f.Scorer.ScorePoints(table);

        Assert.That(points[0, r03], Is.EqualTo(3m), "0.8 exactly: the 80% band (3 points)");
        Assert.That(points.ExactCells, Is.GreaterThanOrEqualTo(1), "the comparison 0.7999999999999999 >= 0.8 was guarded");
        // The hand-written double code misses the band, as the workload README says.
        var doubles = new double[k];
        Array.Copy(f.Data.Doubles, doubles, k);
        doubles[f.Data.Indicators.Select(i => i.Name).ToList().IndexOf("budgetSpent")] = 94.8;
        doubles[f.Data.Indicators.Select(i => i.Name).ToList().IndexOf("budgetAllocated")] = 118.5;
        var hand = new double[HandWrittenDouble.Criteria];
        HandWrittenDouble.Score(doubles, hand, 1);
        Assert.That(hand[r03], Is.EqualTo(1.0));
    }

    [Test]
    public void Tie_on_a_computed_ratio_takes_the_exact_path()
    {
        var rs = new FastRuleSetBuilder()
            .Add("R", 6, new BandsMethod("a / b", [Row(0.9m, 6), Row(0.7m, 4), Row(0.5m, 2), new BandRow(null, null, null, null, 0, null, "$")]))
            .Build();
        var scorer = FastScorer.Compile(rs);
        // 21/30 = 0.7 and 27/30 = 0.9 exactly; 20/30 is below 0.7 by far.
        var table = Table(scorer, (21m, 30m), (27m, 30m), (20m, 30m), (0.35m, 0.7m));

        var points = scorer.ScorePoints(table);

        Assert.That(Column(points, 0), Is.EqualTo(new[] { 4m, 6m, 2m, 2m }));
        Assert.That(points.ExactCells, Is.EqualTo(3), "the three exact ties, not the clear case");
        Assert.That(Column(points, 0), Is.EqualTo(Column(scorer.ScorePointsExact(table), 0)));
    }

    [Test]
    public void Rounding_midpoint_is_resolved_half_away_from_zero()
    {
        // 0.0002 / 0.8 * 5 = 0.00125 exactly: precision 4 rounds it to 0.0013 (half away from zero).
        var rs = new FastRuleSetBuilder().Precision(4).Formula("L", 5, "a / 0.8 * 5").Build();
        var scorer = FastScorer.Compile(rs);
        var table = Table(scorer, (0.0002m, 0m), (0.0006m, 0m), (0.0003m, 0m));

        var points = scorer.ScorePoints(table);

        Assert.That(Column(points, 0), Is.EqualTo(new[] { 0.0013m, 0.0038m, 0.0019m }));
        Assert.That(points.ExactCells, Is.EqualTo(2), "0.00125 and 0.00375 are midpoints; 0.001875 is not");
    }

    [Test]
    public void Round_inside_a_formula_is_guarded_too()
    {
        var rs = new FastRuleSetBuilder().Precision(4).Formula("F", 10, "Round(a * 3, 2)").Build();
        var scorer = FastScorer.Compile(rs);
        // 0.835 * 3 = 2.505 → 2.51 (a double gives 2.5049999999999999); 0.8 * 3 = 2.4 is no midpoint.
        var table = Table(scorer, (0.835m, 0m), (0.8m, 0m));

        var points = scorer.ScorePoints(table);

        Assert.That(Column(points, 0), Is.EqualTo(new[] { 2.51m, 2.4m }));
        Assert.That(scorer.ExactOnlyCriteria, Is.Zero, "Round is expressed in the kernel");
        Assert.That(points.ExactCells, Is.EqualTo(1));
    }

    [Test]
    public void Unit_with_a_missing_value_is_scored_exactly_and_the_criterion_scores_zero()
    {
        var rs = new FastRuleSetBuilder()
            .Add("T", 10, new TargetMethod("a", "4", false))
            .Add("C", 3, new CheckMethod("flag", null))
            .Add("N", 6, new CountMethod("c", 2))
            .Build();
        var scorer = FastScorer.Compile(rs);
        var builder = scorer.CreateTable(2);
        builder.Set(0, "a", IndicatorValue.FromNumber(3m)).Set(0, "b", IndicatorValue.FromNumber(1m)).Set(0, "flag", IndicatorValue.FromBoolean(true)).Set(0, "c", IndicatorValue.FromNumber(5m));
        builder.Set(1, "b", IndicatorValue.FromNumber(1m)).Set(1, "flag", IndicatorValue.FromBoolean(false)); // a missing; c takes its default 0
        var table = builder.Build();

        var points = scorer.ScorePoints(table);

        Assert.That(new[] { points[0, 0], points[0, 1], points[0, 2] }, Is.EqualTo(new[] { 7.5m, 3m, 6m }), "count capped at max 6");
        Assert.That(new[] { points[1, 0], points[1, 1], points[1, 2] }, Is.EqualTo(new[] { 0m, 0m, 0m }));
        Assert.That(points.ExactUnits, Is.EqualTo(1));
        Assert.That(table[1, 0], Is.Null);
    }

    [Test]
    public void Division_by_zero_scores_zero_like_the_exact_path()
    {
        var rs = new FastRuleSetBuilder().Formula("D", 10, "a / b").Build();
        var scorer = FastScorer.Compile(rs);
        var table = Table(scorer, (3m, 0m), (3m, 2m));

        var points = scorer.ScorePoints(table);

        Assert.That(Column(points, 0), Is.EqualTo(new[] { 0m, 1.5m }));
        Assert.That(points.ExactCells, Is.EqualTo(1));
    }

    [Test]
    public void Operation_the_kernel_cannot_express_is_always_exact()
    {
        var rs = new FastRuleSetBuilder().Formula("M", 10, "a % 3").Formula("P", 10, "a + b").Build();
        var scorer = FastScorer.Compile(rs);
        var table = Table(scorer, (7m, 1m), (8.5m, 0.25m));

        var points = scorer.ScorePoints(table);

        Assert.That(scorer.ExactOnlyCriteria, Is.EqualTo(1));
        Assert.That(Column(points, 0), Is.EqualTo(new[] { 1m, 2.5m }));
        Assert.That(Column(points, 1), Is.EqualTo(new[] { 8m, 8.75m }));
        Assert.That(points.ExactCells, Is.EqualTo(2));
    }

    [Test]
    public void Many_values_on_every_band_threshold_give_exact_results()
    {
        // Every threshold of the workload hit exactly by inputs and by integer ratios: fast must equal exact.
        var f = WorkloadFixtures.Get(3_400);
        var names = f.Data.Indicators.Select(i => i.Name).ToList();
        var k = names.Count;
        var builder = f.Scorer.CreateTable(f.Data.UnitCount);
        for (var u = 0; u < f.Data.UnitCount; u++)
        {
            for (var j = 0; j < k; j++)
            {
                builder.Set(u, j, f.Data.Decimals[u * k + j]);
            }
            var staff = 10m + u % 51; // 10..60
            var trained = u % 3 == 0 ? staff * 0.9m : u % 3 == 1 ? staff * 0.7m : staff * 0.5m;
            builder.Set(u, "staffCount", IndicatorValue.FromNumber(staff));
            builder.Set(u, "staffTrained", IndicatorValue.FromNumber(decimal.Round(trained)));
            builder.Set(u, "dtiScore", IndicatorValue.FromNumber(u % 2 == 0 ? 900m : 750m));
            builder.Set(u, "onlinePaymentRate", IndicatorValue.FromNumber((u % 8000) / 10000m));
        }
        var table = builder.Build();

        var fast = f.Scorer.ScorePoints(table);
        var exact = f.Scorer.ScorePointsExact(table);

        var differences = 0;
        for (var u = 0; u < table.UnitCount; u++)
        {
            for (var c = 0; c < fast.CriterionIds.Length; c++)
            {
                differences += fast[u, c] != exact[u, c] ? 1 : 0;
            }
        }
        Assert.That(differences, Is.Zero);
        Assert.That(fast.ExactCells, Is.GreaterThan(table.UnitCount / 4));
    }

    private static BandRow Row(decimal atLeast, decimal points) => new(atLeast, null, null, null, points, null, "$");

    private static IndicatorTable Table(FastScorer scorer, params (decimal A, decimal B)[] rows)
    {
        var builder = scorer.CreateTable(rows.Length);
        for (var u = 0; u < rows.Length; u++)
        {
            builder.Set(u, "a", IndicatorValue.FromNumber(rows[u].A)).Set(u, "b", IndicatorValue.FromNumber(rows[u].B)).Set(u, "flag", IndicatorValue.FromBoolean(false));
        }
        return builder.Build();
    }

    private static decimal[] Column(PointsTable points, int criterion) =>
        [.. Enumerable.Range(0, points.UnitCount).Select(u => points[u, criterion])];
}
