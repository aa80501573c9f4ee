using Microsoft.Diagnostics.Tracing.Etlx;

namespace Scoring.Bench.Runs;

/// <summary>
/// --trace-summary F: the hottest methods (exclusive and inclusive share of samples) of an EventPipe trace written with
/// DOTNET_EnableEventPipe and the sample profiler (no dotnet-trace on the machine); FOCUS=name also lists who calls that method.
/// </summary>
public static class TraceSummary
{
    public static void Run(string path)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(path);
        using var log = new TraceLog(etlx);
        var exclusive = new Dictionary<string, int>();
        var inclusive = new Dictionary<string, int>();
        var total = 0;
        var callers = new Dictionary<string, int>();
        var focus = Environment.GetEnvironmentVariable("FOCUS") ?? "BulkMoveWithWriteBarrier";
        foreach (var e in log.Events)
        {
            if (e.EventName != "Thread/Sample")
            {
                continue;
            }
            var stack = e.CallStack();
            if (stack is null)
            {
                continue;
            }
            total++;
            var seen = new HashSet<string>();
            var chain = new List<string>();
            for (var s = stack; s is not null && chain.Count < 6; s = s.Caller) { chain.Add(s.CodeAddress.FullMethodName ?? "?"); }
            if (chain.Count > 0 && chain.Take(2).Any(c => c.Contains(focus)))
            {
                var key = string.Join(" <- ", chain.Select(c => c.Length > 70 ? c[..70] : c));
                callers[key] = callers.GetValueOrDefault(key) + 1;
            }
            var first = true;
            for (var s = stack; s is not null; s = s.Caller)
            {
                var name = s.CodeAddress.FullMethodName;
                if (string.IsNullOrEmpty(name)) { name = s.CodeAddress.ModuleName + "!?"; }
                if (first) { exclusive[name] = exclusive.GetValueOrDefault(name) + 1; first = false; }
                if (seen.Add(name)) { inclusive[name] = inclusive.GetValueOrDefault(name) + 1; }
            }
        }
        Console.WriteLine($"samples {total}");
        Console.WriteLine("--- exclusive");
        foreach (var (k, v) in exclusive.OrderByDescending(p => p.Value).Take(40)) { Console.WriteLine($"{100.0 * v / total,6:F1}% {k}"); }
        Console.WriteLine("--- callers of " + focus);
        foreach (var (k, v) in callers.OrderByDescending(p => p.Value).Take(8)) { Console.WriteLine($"{100.0 * v / total,6:F1}% {k}"); }
        Console.WriteLine("--- inclusive");
        foreach (var (k, v) in inclusive.Where(p => Environment.GetEnvironmentVariable("ONLY") is not { } only || p.Key.Contains(only)).OrderByDescending(p => p.Value).Take(60)) { Console.WriteLine($"{100.0 * v / total,6:F1}% {k}"); }
    }
}
