using System.Collections.Immutable;
using System.Text.Json;

namespace Scoring.Bench.Generation;

/// <summary>The neutral workload definition (criteria.json): indicators and the raw criteria.</summary>
public sealed record Workload(ImmutableArray<WorkloadIndicator> Indicators, ImmutableArray<JsonElement> Criteria)
{
    /// <summary>criteria.json as checked in beside the bench project (copied next to the binaries).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "workload", "criteria.json");

    public static Workload Load(string? path = null)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path ?? DefaultPath));
        var root = doc.RootElement.Clone();
        return new(
            [.. root.GetProperty("indicators").EnumerateArray().Select(WorkloadIndicator.From)],
            [.. root.GetProperty("criteria").EnumerateArray()]);
    }
}
