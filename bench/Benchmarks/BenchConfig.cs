using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Scoring.Bench.Benchmarks;

/// <summary>
/// In-process job (no generated child project to build, which takes minutes on the shared 2-core machine),
/// 3 warm-ups and 10 measured iterations: enough for stable medians of 10 ms–1 s operations.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("InProcess"));
}
