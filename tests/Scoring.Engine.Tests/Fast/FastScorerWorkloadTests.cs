using Scoring.Bench.Baselines;
using Scoring.Engine.Evaluation.Fast;

namespace Scoring.Engine.Tests.Fast;

/// <summary>The guarded double path against the pure-decimal evaluation on every unit of both README data sets.</summary>
public sealed class FastScorerWorkloadTests
{
    [TestCase(3_400)]
    [TestCase(100_000)]
    public void Fast_path_equals_pure_decimal_evaluation_on_every_cell(int units)
    {
        var f = WorkloadFixtures.Get(units);

        var fast = f.Scorer.ScorePoints(f.Table);
        var exact = f.Scorer.ScorePointsExact(f.Table);

        Assert.That(fast.CriterionIds, Has.Length.EqualTo(60));
        Assert.That(FirstDifference(fast, exact), Is.Null);
        // The guards did fire (ties such as 21 / 30 = 0.7 exist in the data) and were resolved exactly.
        Assert.That(fast.ExactCells, Is.GreaterThan(0));
        Assert.That(fast.ExactUnits, Is.LessThan(units));
    }

    [TestCase(3_400)]
    [TestCase(100_000)]
    public void Hand_written_decimal_code_agrees_with_the_engine_decimal_evaluation(int units)
    {
        var f = WorkloadFixtures.Get(units);
        var hand = new decimal[units * HandWrittenDecimal.Criteria];
        HandWrittenDecimal.Score(f.Data.Decimals, hand, units);

        var exact = f.Scorer.ScorePointsExact(f.Table);

        string? difference = null;
        for (var u = 0; u < units && difference is null; u++)
        {
            for (var c = 0; c < HandWrittenDecimal.Criteria; c++)
            {
                var expected = decimal.Round(hand[u * HandWrittenDecimal.Criteria + c], exact.Precision, MidpointRounding.AwayFromZero);
                if (exact[u, c] != expected)
                {
                    difference = $"unit {u}, {exact.CriterionIds[c]}: engine {exact[u, c]}, hand-written {expected}";
                    break;
                }
            }
        }
        Assert.That(difference, Is.Null);
    }

    [Test]
    public void Hand_written_double_code_loses_points_the_engine_keeps()
    {
        // The README's warning, on our data: plain double differs from exact decimal on some cells.
        var f = WorkloadFixtures.Get(100_000);
        var hand = new double[f.Data.UnitCount * HandWrittenDouble.Criteria];
        HandWrittenDouble.Score(f.Data.Doubles, hand, f.Data.UnitCount);
        var exact = f.Scorer.ScorePoints(f.Table);

        var wrong = 0;
        for (var u = 0; u < f.Data.UnitCount; u++)
        {
            for (var c = 0; c < HandWrittenDouble.Criteria; c++)
            {
                var rounded = decimal.Round((decimal)hand[u * HandWrittenDouble.Criteria + c], exact.Precision, MidpointRounding.AwayFromZero);
                wrong += rounded != exact[u, c] ? 1 : 0;
            }
        }
        Assert.That(wrong, Is.GreaterThan(0));
    }

    private static string? FirstDifference(PointsTable actual, PointsTable expected)
    {
        for (var u = 0; u < expected.UnitCount; u++)
        {
            for (var c = 0; c < expected.CriterionIds.Length; c++)
            {
                if (actual[u, c] != expected[u, c])
                {
                    return $"unit {u}, {expected.CriterionIds[c]}: fast {actual[u, c]}, exact {expected[u, c]}";
                }
            }
        }
        return null;
    }
}
