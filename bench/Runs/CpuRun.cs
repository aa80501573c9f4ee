using System.Diagnostics;
using System.Globalization;
using Scoring.Bench.Baselines;
using Scoring.Bench.Generation;
using Scoring.Engine;

namespace Scoring.Bench.Runs;

/// <summary>
/// --cpu: processor time (user + system, every thread, GC included) of <see cref="ScoringEngine.Score"/> and of the
/// hand-written double code, alternating round by round. On a machine shared by many processes, waiting for a core
/// inflates a long call's wall time more than a short one's; processor time does not wait. The last line is the ratio.
/// </summary>
public static class CpuRun
{
    public static void Run(int units, int rounds)
    {
        var f = WorkloadFixture.Create(units);
        var request = WorkloadRequest.Build(f);
        var handOut = new double[units * HandWrittenDouble.Criteria];
        // Processor time advances in clock ticks (10 ms here): each sample runs the code often enough to span many ticks.
        var handRepeat = Math.Max(1, 680_000 / units);
        var scoreRepeat = Math.Max(1, 34_000 / units);
        for (var i = 0; i < 3; i++)
        {
            HandWrittenDouble.Score(f.Data.Doubles, handOut, units);
            ScoringEngine.Score(request);
        }
        var process = Process.GetCurrentProcess();
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
        var allocated = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            hand.Add(Measure(() => HandWrittenDouble.Score(f.Data.Doubles, handOut, units), handRepeat));
            var before = GC.GetTotalAllocatedBytes(precise: true);
            score.Add(Measure(() => ScoringEngine.Score(request), scoreRepeat));
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / (double)scoreRepeat);
        }
        var cells = (double)units * HandWrittenDouble.Criteria;
        var h = Median(hand);
        var s = Median(score);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"processor time per call, medians of {rounds} alternating rounds on {units:N0} units (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hand-written double: {h:F2} ms, {h * 1e6 / cells:F1} ns per criterion"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ScoringEngine.Score: {s:F2} ms, {s * 1e6 / cells:F1} ns per criterion, {Median(allocated) / cells:F1} bytes allocated per criterion"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Score/hand-written-double processor-time ratio: {s / h:F1}"));
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
