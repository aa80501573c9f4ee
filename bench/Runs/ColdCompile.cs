using System.Diagnostics;
using System.Globalization;
using Scoring.Bench.Generation;
using Scoring.Engine.Evaluation.Fast;

namespace Scoring.Bench.Runs;

/// <summary>
/// --compile-cold: rule-set compile time in fresh processes. Each child loads criteria.json, builds the rule set
/// and compiles the fast scorer (expression translation, exact and double trees, JIT of everything on the way)
/// and prints the milliseconds; the parent also measures the child's whole life (runtime start included).
/// </summary>
public static class ColdCompile
{
    private const int Runs = 7;

    public static void RunParent()
    {
        var inProcess = new List<double>();
        var wall = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in ChildArguments())
            {
                psi.ArgumentList.Add(a);
            }
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            wall.Add(sw.Elapsed.TotalMilliseconds);
            inProcess.Add(double.Parse(output.Trim(), CultureInfo.InvariantCulture));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold compile (new process, load + build + compile 60 criteria): median {Median(inProcess):F1} ms (runs: {string.Join(", ", inProcess.Select(x => x.ToString("F1", CultureInfo.InvariantCulture)))})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole child process (runtime start to exit): median {Median(wall):F0} ms"));
    }

    public static void RunChild()
    {
        var sw = Stopwatch.StartNew();
        var ruleSet = WorkloadRuleSet.Build(Workload.Load());
        var scorer = FastScorer.Compile(ruleSet);
        var ms = sw.Elapsed.TotalMilliseconds;
        GC.KeepAlive(scorer);
        Console.WriteLine(ms.ToString("F3", CultureInfo.InvariantCulture));
    }

    // When started as "dotnet Scoring.Bench.dll", ProcessPath is dotnet itself and the dll must be passed.
    private static IEnumerable<string> ChildArguments()
    {
        var exe = Path.GetFileNameWithoutExtension(Environment.ProcessPath);
        if (string.Equals(exe, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            yield return typeof(ColdCompile).Assembly.Location;
        }
        yield return "--compile-cold-child";
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s[s.Count / 2];
    }
}
