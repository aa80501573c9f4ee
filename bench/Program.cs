using BenchmarkDotNet.Running;
using Scoring.Bench.Benchmarks;
using Scoring.Bench.Generation;
using Scoring.Bench.Runs;

// dotnet run -c Release --project bench -- --quick          interleaved medians, last line the ratio (< 1 min); --units N for another set
// dotnet run -c Release --project bench -- --compile-cold   compile time in fresh processes
// dotnet run -c Release --project bench -- --write-rules P  regenerate bench/workload/bench-60.rules.json at P
// dotnet run -c Release --project bench -- [BenchmarkDotNet args, e.g. --filter *]
if (args.Contains("--quick"))
{
    var at = Array.IndexOf(args, "--units");
    QuickRun.Run(at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var n) && n > 0 ? n : 100_000);
}
else if (args.Contains("--compile-cold-child"))
{
    ColdCompile.RunChild();
}
else if (args.Contains("--compile-cold"))
{
    ColdCompile.RunParent();
}
else if (args.Length >= 2 && args[0] == "--write-rules")
{
    File.WriteAllText(args[1], RuleSetJsonWriter.Write(WorkloadRuleSet.Build(Workload.Load())));
    Console.WriteLine($"wrote {args[1]}");
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(QuickRun).Assembly).Run(args, BenchConfig.Create());
}
