using System.Diagnostics;
using System.Globalization;
using Scoring.Bench.Benchmarks;
using Scoring.Engine.Sensitivity;

namespace Scoring.Bench.Runs;

/// <summary>
/// --sensitivity-cpu: wall and processor time (every thread, GC included) of the rank-sensitivity analysis of Sơn La 2025,
/// 1,000 samples at ±10%, round by round, and the report's fingerprint (the same seed must give the same report however
/// the samples are spread over threads). On a shared machine processor time says what the work costs; wall time says
/// what a caller waits with the cores it got.
/// </summary>
public static class SensitivityCpuRun
{
    public static void Run(int rounds)
    {
        var requests = SensitivityBenchmarks.SonLaRequests();
        var options = new SensitivityOptions(1000, 10m, Seed: 1);
        var fingerprint = Fingerprint(SensitivityAnalyzer.Analyze(requests, options));
        var process = Process.GetCurrentProcess();
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var report = SensitivityAnalyzer.Analyze(requests, options);
            wall.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
            if (Fingerprint(report) != fingerprint)
            {
                throw new InvalidOperationException("The same seed gave another report.");
            }
        }
        var units = requests.Sum(r => r.Units.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sơn La 2025, {requests.Length} rule sets, {units} units, 1,000 samples, {rounds} rounds, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wall median {Median(wall):F0} ms (min {wall.Min():F0}); processor median {Median(cpu):F0} ms (min {cpu.Min():F0}); report {fingerprint}"));
    }

    private static string Fingerprint(SensitivityReport report) =>
        string.Join(";", report.RuleSets.SelectMany(r => r.Groups).Select(g =>
            $"{g.Code}:{g.LeaderKept}:{string.Join(",", g.Units.Select(u => $"{u.RankKept}/{u.AwardKept}/{u.BestRank}/{u.WorstRank}"))}:{string.Join(",", g.FlipCriteria.Select(f => $"{f.CriterionId}={f.Flips}"))}"))
            .GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
