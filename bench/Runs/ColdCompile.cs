using System.Diagnostics;
using System.Globalization;
using Scoring.Engine.Evaluation.Fast;
using Scoring.Rules.Loading;

namespace Scoring.Bench.Runs;

/// <summary>
/// --compile-cold: rule-set compile time in fresh processes. Each child reads bench-60.rules.json with the
/// rule-set loader (parse, validate, which translates every expression once), then compiles the fast scorer
/// (translation, exact and double trees, LINQ compile, JIT of everything on the way) and prints both times; the
/// parent also measures the child's whole life (runtime start included).
/// </summary>
public static class ColdCompile
{
    private const int RunCount = 7;

    public static void RunParent()
    {
        var load = new List<double>();
        var inProcess = new List<double>();
        var wall = new List<double>();
        for (var i = 0; i < RunCount; i++)
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
            var parts = output.Trim().Split(' ');
            load.Add(double.Parse(parts[0], CultureInfo.InvariantCulture));
            inProcess.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold load + validate bench-60.rules.json (new process): median {Median(load):F1} ms (runs: {Format(load)})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold fast-scorer compile of the 60 criteria (same processes, after the load): median {Median(inProcess):F1} ms (runs: {Format(inProcess)})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole child process (runtime start to exit): median {Median(wall):F0} ms"));
    }

    public static void RunChild()
    {
        var sw = Stopwatch.StartNew();
        var loaded = RuleSetLoader.LoadFile(RulesPath);
        if (!loaded.Succeeded)
        {
            throw new InvalidDataException($"{RulesPath} does not load: {string.Join("; ", loaded.Diagnostics)}");
        }
        var loadMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var scorer = FastScorer.Compile(loaded.Document!.RuleSet);
        var compileMs = sw.Elapsed.TotalMilliseconds;
        GC.KeepAlive(scorer);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{loadMs:F3} {compileMs:F3}"));
    }

    /// <summary>bench-60.rules.json as copied next to the binaries.</summary>
    public static string RulesPath => Path.Combine(AppContext.BaseDirectory, "workload", "bench-60.rules.json");

    private static string Format(List<double> xs) => string.Join(", ", xs.Select(x => x.ToString("F1", CultureInfo.InvariantCulture)));

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
