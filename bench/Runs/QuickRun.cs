using System.Diagnostics;
using System.Globalization;
using Scoring.Bench.Baselines;
using Scoring.Bench.Benchmarks;
using Scoring.Bench.Generation;
using Scoring.Bench.Peers;
using Scoring.Engine;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Engine.Text;

namespace Scoring.Bench.Runs;

/// <summary>
/// --quick: no BenchmarkDotNet. On the 100,000-unit set (or --units N), interleaved round by round so that all see the
/// same load (warm-ups, then alternating rounds; medians): the hand-written double code, the engine's per-unit points
/// pass ("engine"), the whole <see cref="ScoringEngine.Score"/> ("engine explained"). Then reading every explanation and
/// rendering cards, warm compile, and the peers (RulesEngine, NRules) interleaved with Score on the first 3,400 units.
/// The last three lines are the ratios the issue asks for.
/// </summary>
public static class QuickRun
{
    private const int WarmUps = 5;
    private const int Rounds = 15;
    private const int PeerUnits = 3_400;
    private const int PeerRounds = 5;

    public static void Run(int units = 100_000)
    {
        var setup = Stopwatch.StartNew();
        var f = WorkloadFixture.Create(units);
        var request = WorkloadRequest.Build(f);
        var doubles = f.Data.Doubles;
        var handOut = new double[units * HandWrittenDouble.Criteria];
        Console.WriteLine($"setup (generate {units:N0} units, compile): {setup.ElapsedMilliseconds} ms");
        var cells = (double)units * HandWrittenDouble.Criteria;

        ScoringResult result = null!;
        for (var i = 0; i < WarmUps; i++)
        {
            HandWrittenDouble.Score(doubles, handOut, units);
            EngineKernel.Score(request);
            result = ScoringEngine.Score(request);
        }
        var (wrongCells, wrongPoints) = DoubleErrors(handOut, result);
        Console.WriteLine($"hand-written double vs the engine's exact points (precision {result.Precision}): {wrongCells:N0} cells differ, {wrongPoints} points in total");

        var hand = new List<double>();
        var engine = new List<double>();
        var explained = new List<double>();
        var allocated = new List<long>();
        for (var i = 0; i < Rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            HandWrittenDouble.Score(doubles, handOut, units);
            hand.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            EngineKernel.Score(request);
            engine.Add(sw.Elapsed.TotalMilliseconds);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            sw.Restart();
            result = ScoringEngine.Score(request);
            explained.Add(sw.Elapsed.TotalMilliseconds);
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        var h = Median(hand);
        var e = Median(engine);
        var x = Median(explained);
        Line($"hand-written double: median {h:F2} ms, {h * 1e6 / cells:F2} ns per criterion");
        Line($"engine (per-unit points pass): median {e:F2} ms, {e * 1e6 / cells:F2} ns per criterion");
        Line($"engine explained (ScoringEngine.Score): median {x:F2} ms, {x * 1e6 / cells:F2} ns per criterion, {Median(allocated.Select(a => (double)a).ToList()) / cells:F1} bytes allocated per criterion");

        var cards = result.Groups.SelectMany(g => g.Ranking).Take(200).ToList();
        var read = Stopwatch.StartNew();
        var criteria = 0;
        foreach (var card in result.Groups.SelectMany(g => g.Ranking).Take(1_000))
        {
            foreach (var section in card.Sections)
            {
                foreach (var criterion in section.Criteria)
                {
                    criteria += criterion.Explanation.Values.Length >= 0 ? 1 : 0;
                }
            }
        }
        Line($"reading explanations (every criterion of 1,000 units): {read.Elapsed.TotalMilliseconds * 1e6 / criteria:F0} ns per criterion");
        var renders = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var card in cards)
            {
                var sw = Stopwatch.StartNew();
                RenderCard(card);
                renders.Add(sw.Elapsed.TotalMilliseconds * 1000);
            }
        }
        Line($"card render (explanations read and every reason written, one unit, 60 criteria): median {Median(renders):F1} µs");

        var compiles = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            ScoringEngine.Compile(f.RuleSet, request.RuleSet.Identity).KernelFor(WorkloadRequest.Year);
            compiles.Add(sw.Elapsed.TotalMilliseconds);
        }
        Line($"compile warm (ScoringEngine.Compile + the year's points kernel): median {Median(compiles):F1} ms");

        var peerUnits = Math.Min(PeerUnits, units);
        var peerRequest = WorkloadRequest.Build(f, peerUnits);
        var peerData = WorkloadUnit.From(doubles, peerUnits);
        var rulesEngine = new RulesEnginePeer(f.Workload);
        var nrules = new NRulesPeer(f.Workload);
        var peerOut = new double[peerUnits * WorkloadUnit.Criteria];
        rulesEngine.Score(peerData, peerOut);
        Console.WriteLine($"RulesEngine vs hand-written double: {Differences(peerOut, handOut, peerOut.Length)} cells differ");
        nrules.Score(peerData, peerOut);
        Console.WriteLine($"NRules vs hand-written double: {Differences(peerOut, handOut, peerOut.Length)} cells differ");
        var re = new List<double>();
        var nr = new List<double>();
        var sc = new List<double>();
        for (var i = 0; i < PeerRounds; i++)
        {
            var sw = Stopwatch.StartNew();
            rulesEngine.Score(peerData, peerOut);
            re.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            nrules.Score(peerData, peerOut);
            nr.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            ScoringEngine.Score(peerRequest);
            sc.Add(sw.Elapsed.TotalMilliseconds);
        }
        var peerCells = (double)peerUnits * WorkloadUnit.Criteria;
        Line($"peers on the first {peerUnits:N0} units, interleaved with Score: RulesEngine median {Median(re):F1} ms ({Median(re) * 1e6 / peerCells:F0} ns per criterion), NRules {Median(nr):F1} ms ({Median(nr) * 1e6 / peerCells:F0} ns), engine explained {Median(sc):F1} ms ({Median(sc) * 1e6 / peerCells:F1} ns)");

        Line($"engine/hand-written-double ratio: {e / h:F2}");
        Line($"engine explained/hand-written-double ratio: {x / h:F2}");
        Line($"RulesEngine/engine explained speed-up: {Median(re) / Median(sc):F1}");
    }

    /// <summary>What a card page does: every criterion's explanation read and its reason written.</summary>
    public static int RenderCard(UnitScore card)
    {
        var length = 0;
        foreach (var section in card.Sections)
        {
            foreach (var criterion in section.Criteria)
            {
                length += ExplanationRenderer.Reason(criterion).Length;
            }
        }
        return length;
    }

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    // What plain double costs in correctness: cells whose rounded double points differ from the engine's exact ones.
    private static (int Cells, decimal Points) DoubleErrors(double[] hand, ScoringResult result)
    {
        var cells = 0;
        var points = 0m;
        var criteria = HandWrittenDouble.Criteria;
        foreach (var unit in result.Groups.SelectMany(g => g.Ranking))
        {
            var u = int.Parse(unit.Code.AsSpan(1), CultureInfo.InvariantCulture) - 1;
            var c = 0;
            foreach (var section in unit.Sections)
            {
                for (var i = 0; i < section.Criteria.Count; i++, c++)
                {
                    var d = Math.Abs(decimal.Round((decimal)hand[u * criteria + c], result.Precision, MidpointRounding.AwayFromZero) - section.Criteria.PointsAt(i));
                    cells += d != 0 ? 1 : 0;
                    points += d;
                }
            }
        }
        return (cells, points);
    }

    private static int Differences(double[] a, double[] b, int length)
    {
        var n = 0;
        for (var i = 0; i < length; i++)
        {
            n += a[i] == b[i] ? 0 : 1;
        }
        return n;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
