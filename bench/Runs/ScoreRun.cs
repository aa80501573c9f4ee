using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Scoring.Bench.Baselines;
using Scoring.Bench.Generation;
using Scoring.Engine;
using Scoring.Engine.Evaluation.Reference;
using Scoring.Engine.Results;

namespace Scoring.Bench.Runs;

/// <summary>
/// --score: <see cref="ScoringEngine.Score"/> (points, explanations, groups, ranks, awards) against the hand-written
/// double code and against the reference evaluator it replaced (session 1's, kept as the tests' oracle), on the same
/// units, interleaved round by round so that all three see the same load; medians. Prints the SHA-256 of both results'
/// JSON (they must be equal), and the last line is the ratio to the hand-written double code.
/// </summary>
public static class ScoreRun
{
    private const int WarmUps = 3;

    public static void Run(int units, int rounds, bool profileOnly = false)
    {
        var setup = Stopwatch.StartNew();
        var f = WorkloadFixture.Create(units);
        var request = WorkloadRequest.Build(f);
        var handOut = new double[units * HandWrittenDouble.Criteria];
        Console.WriteLine($"setup (generate {units:N0} units in {request.Groups.Length:N0} clusters, compile): {setup.ElapsedMilliseconds} ms");

        if (profileOnly)
        {
            // For a sampling trace of Score alone (docs/performance.md, "Profiling").
            for (var i = 0; i < rounds; i++)
            {
                ScoringEngine.Score(request);
            }
            return;
        }
        ScoringResult result = null!;
        ScoringResult reference = null!;
        for (var i = 0; i < WarmUps; i++)
        {
            HandWrittenDouble.Score(f.Data.Doubles, handOut, units);
            result = ScoringEngine.Score(request);
            reference = ReferenceRequestScorer.Score(request);
        }
        var hash = Convert.ToHexString(SHA256.HashData(ResultJson.WriteUtf8(result)));
        var referenceHash = Convert.ToHexString(SHA256.HashData(ResultJson.WriteUtf8(reference)));
        Console.WriteLine($"result JSON SHA-256: {hash} (reference evaluator: {(hash == referenceHash ? "identical" : referenceHash + ", DIFFERENT")})");

        var hand = new List<double>();
        var engine = new List<double>();
        var allocated = new List<long>();
        var old = new List<double>();
        var oldAllocated = new List<long>();
        for (var i = 0; i < rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            HandWrittenDouble.Score(f.Data.Doubles, handOut, units);
            hand.Add(sw.Elapsed.TotalMilliseconds);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            sw.Restart();
            result = ScoringEngine.Score(request);
            engine.Add(sw.Elapsed.TotalMilliseconds);
            allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            before = GC.GetTotalAllocatedBytes(precise: true);
            sw.Restart();
            reference = ReferenceRequestScorer.Score(request);
            old.Add(sw.Elapsed.TotalMilliseconds);
            oldAllocated.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        var cells = (double)units * HandWrittenDouble.Criteria;
        var h = Median(hand);
        var e = Median(engine);
        var o = Median(old);
        var (handCpu, scoreCpu, referenceCpu) = CpuTimes(f, request, handOut, units, rounds);
        var ratios = hand.Zip(engine, (a, b) => b / a).Order().ToList();
        var speedUps = old.Zip(engine, (a, b) => a / b).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hand-written double: median {h:F2} ms, {h * 1e6 / cells:F2} ns per criterion"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ScoringEngine.Score: median {e:F2} ms, {e * 1e6 / cells:F1} ns per criterion, {allocated.Order().ElementAt(allocated.Count / 2) / cells:F0} B allocated per criterion"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reference evaluator: median {o:F2} ms, {o * 1e6 / cells:F1} ns per criterion, {oldAllocated.Order().ElementAt(oldAllocated.Count / 2) / cells:F0} B allocated per criterion"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed-up of Score over the reference: median {o / e:F2} (per round {speedUps[0]:F2}–{speedUps[^1]:F2})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per-round ratio range: {ratios[0]:F1}–{ratios[^1]:F1}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU time per call (all threads, GC included): hand-written double {handCpu:F2} ms, Score {scoreCpu:F1} ms, reference {referenceCpu:F1} ms; Score/hand-written {scoreCpu / handCpu:F0}, speed-up {referenceCpu / scoreCpu:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Score/hand-written-double ratio: {e / h:F1}"));
    }

    // Processor time the process used (user + system, every thread), which waiting for a core on a loaded machine
    // does not inflate the way it inflates wall time. The hand-written code runs 200 times per sample: one call is
    // shorter than the clock's tick.
    private static (double Hand, double Score, double Reference) CpuTimes(WorkloadFixture f, Engine.Model.ScoringRequest request, double[] handOut, int units, int rounds)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        double Measure(Action action, int repeat)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            for (var i = 0; i < repeat; i++)
            {
                action();
            }
            process.Refresh();
            return (process.TotalProcessorTime - before).TotalMilliseconds / repeat;
        }
        var hand = new List<double>();
        var score = new List<double>();
        var reference = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            hand.Add(Measure(() => HandWrittenDouble.Score(f.Data.Doubles, handOut, units), 200));
            score.Add(Measure(() => ScoringEngine.Score(request), 1));
            reference.Add(Measure(() => ReferenceRequestScorer.Score(request), 1));
        }
        return (Median(hand), Median(score), Median(reference));
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
