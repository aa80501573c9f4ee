using BenchmarkDotNet.Running;
using Scoring.Bench.Benchmarks;
using Scoring.Bench.Generation;
using Scoring.Bench.Runs;

// dotnet run -c Release --project bench -- --quick          interleaved medians, last line the ratio (< 1 min); --units N for another set
// dotnet run -c Release --project bench -- --score          ScoringEngine.Score (with explanations) vs hand-written double, interleaved; --units N --rounds R; --score-only: Score alone, to profile
// dotnet run -c Release --project bench -- --cpu            processor time of Score vs hand-written double, alternating; --units N --rounds R
// dotnet run -c Release --project bench -- --sensitivity-cpu  wall and processor time of the sensitivity analysis of Sơn La 2025 (1,000 samples); --rounds R
// dotnet run -c Release --project bench -- --trace-summary F  hottest methods of an EventPipe sample trace (see docs/performance.md)
// dotnet run -c Release --project bench -- --compile-cold   compile time in fresh processes
// dotnet run -c Release --project bench -- --write-rules P  regenerate bench/workload/bench-60.rules.json at P
// dotnet run -c Release --project bench -- [BenchmarkDotNet args, e.g. --filter *]
var unitsAt = Array.IndexOf(args, "--units");
int? unitsArg = unitsAt >= 0 && unitsAt + 1 < args.Length && int.TryParse(args[unitsAt + 1], out var n) && n > 0 ? n : null;
if (args.Length >= 2 && args[0] == "--trace-summary")
{
    TraceSummary.Run(args[1]);
}
else if (args.Contains("--score"))
{
    var roundsAt = Array.IndexOf(args, "--rounds");
    ScoreRun.Run(unitsArg ?? 3_400, roundsAt >= 0 && roundsAt + 1 < args.Length && int.TryParse(args[roundsAt + 1], out var r) && r > 0 ? r : 11, args.Contains("--score-only"));
}
else if (args.Contains("--sensitivity-cpu"))
{
    var roundsAt = Array.IndexOf(args, "--rounds");
    SensitivityCpuRun.Run(roundsAt >= 0 && roundsAt + 1 < args.Length && int.TryParse(args[roundsAt + 1], out var r) && r > 0 ? r : 5);
}
else if (args.Contains("--cpu"))
{
    var roundsAt = Array.IndexOf(args, "--rounds");
    CpuRun.Run(unitsArg ?? 3_400, roundsAt >= 0 && roundsAt + 1 < args.Length && int.TryParse(args[roundsAt + 1], out var r) && r > 0 ? r : 15);
}
else if (args.Contains("--quick"))
{
    QuickRun.Run(unitsArg ?? 100_000);
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
