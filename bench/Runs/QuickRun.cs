using System.Diagnostics;
using System.Globalization;
using Scoring.Bench.Baselines;
using Scoring.Bench.Generation;

namespace Scoring.Bench.Runs;

/// <summary>
/// --quick: no BenchmarkDotNet. Hand-written double and the engine's fast path on the 100,000-unit set (or --units N),
/// interleaved (10 warm-ups so the hand-written code reaches tier-1 JIT, then 21 alternating rounds), medians;
/// the last line is the ratio.
/// </summary>
public static class QuickRun
{
    private const int WarmUps = 10;
    private const int Rounds = 21;

    public static void Run(int units = 100_000)
    {
        var unitCount = units;
        var setup = Stopwatch.StartNew();
        var f = WorkloadFixture.Create(unitCount);
        var doubles = f.Data.Doubles;
        var handOut = new double[unitCount * HandWrittenDouble.Criteria];
        var points = f.Scorer.CreatePoints(unitCount);
        Console.WriteLine($"setup (generate {unitCount:N0} units, compile): {setup.ElapsedMilliseconds} ms");

        for (var i = 0; i < WarmUps; i++)
        {
            HandWrittenDouble.Score(doubles, handOut, unitCount);
            f.Scorer.ScorePoints(f.Table, points);
        }
        var hand = new List<double>();
        var engine = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            HandWrittenDouble.Score(doubles, handOut, unitCount);
            hand.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            f.Scorer.ScorePoints(f.Table, points);
            engine.Add(sw.Elapsed.TotalMilliseconds);
        }
        var (wrongCells, wrongPoints) = DoubleErrors(handOut, points);
        Console.WriteLine($"hand-written double vs exact decimal (rounded to precision {points.Precision}): {wrongCells:N0} cells differ, {wrongPoints} points in total");
        var cells = (double)unitCount * HandWrittenDouble.Criteria;
        var h = Median(hand);
        var e = Median(engine);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hand-written double: median {h:F2} ms, {h * 1e6 / cells:F2} ns per criterion"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine fast path:    median {e:F2} ms, {e * 1e6 / cells:F2} ns per criterion; exact fallback: {points.ExactCells:N0} cells in {points.ExactUnits:N0} units"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine/hand-written-double ratio: {e / h:F2}"));
    }

    // What plain double costs in correctness: cells whose rounded double points differ from the exact ones.
    private static (int Cells, decimal Points) DoubleErrors(double[] hand, Scoring.Engine.Evaluation.Fast.PointsTable exact)
    {
        var cells = 0;
        var points = 0m;
        var criteria = exact.CriterionIds.Length;
        for (var u = 0; u < exact.UnitCount; u++)
        {
            for (var c = 0; c < criteria; c++)
            {
                var d = Math.Abs(decimal.Round((decimal)hand[u * criteria + c], exact.Precision, MidpointRounding.AwayFromZero) - exact[u, c]);
                cells += d != 0 ? 1 : 0;
                points += d;
            }
        }
        return (cells, points);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
