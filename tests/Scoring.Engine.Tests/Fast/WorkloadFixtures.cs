using Scoring.Bench.Generation;

namespace Scoring.Engine.Tests.Fast;

/// <summary>The two README data sets, generated in-process once per test run (3,400 and 100,000 units).</summary>
internal static class WorkloadFixtures
{
    private static readonly Lazy<WorkloadFixture> Small = new(() => WorkloadFixture.Create(3_400));
    private static readonly Lazy<WorkloadFixture> Large = new(() => WorkloadFixture.Create(100_000));

    public static WorkloadFixture Get(int units) => units switch
    {
        3_400 => Small.Value,
        100_000 => Large.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(units), units, "Only the README's 3,400 and 100,000 unit sets are cached."),
    };
}
