using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Scoring.Bench.Baselines;
using Scoring.Bench.Generation;
using Scoring.Engine;
using Scoring.Engine.Results;

namespace Scoring.Bench.Runs;

/// <summary>
/// --score: <see cref="ScoringEngine.Score"/> (points, explanations, groups, ranks, awards) against the hand-written
/// double code on the same units, interleaved, medians; prints the SHA-256 of the result's JSON so that two builds
/// can be compared byte for byte, and the last line is the ratio.
/// </summary>
public static class ScoreRun
{
    private const int WarmUps = 3;

    public static void Run(int units, int rounds)
    {
        var setup = Stopwatch.StartNew();
        var f = WorkloadFixture.Create(units);
        var request = WorkloadRequest.Build(f);
        var handOut = new double[units * HandWrittenDouble.Criteria];
        Console.WriteLine($"setup (generate {units:N0} units in {request.Groups.Length:N0} clusters, compile): {setup.ElapsedMilliseconds} ms");

        ScoringResult result = null!;
        for (var i = 0; i < WarmUps; i++)
        {
            HandWrittenDouble.Score(f.Data.Doubles, handOut, units);
            result = ScoringEngine.Score(request);
        }
        var hash = Convert.ToHexString(SHA256.HashData(ResultJson.WriteUtf8(result)));
        Console.WriteLine($"result JSON SHA-256: {hash}");

        var hand = new List<double>();
        var engine = new List<double>();
        var allocated = new List<long>();
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
        }
        var cells = (double)units * HandWrittenDouble.Criteria;
        var h = Median(hand);
        var e = Median(engine);
        var ratios = hand.Zip(engine, (a, b) => b / a).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hand-written double: median {h:F2} ms, {h * 1e6 / cells:F2} ns per criterion"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ScoringEngine.Score: median {e:F2} ms, {e * 1e6 / cells:F1} ns per criterion, {allocated.Order().ElementAt(allocated.Count / 2) / cells:F0} B allocated per criterion"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per-round ratio range: {ratios[0]:F1}–{ratios[^1]:F1}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Score/hand-written-double ratio: {e / h:F1}"));
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
