using System.Text.Json;

namespace Scoring.Bench.Generation;

/// <summary>One indicator of bench/workload/criteria.json with the generator's parameters.</summary>
public sealed record WorkloadIndicator(
    string Name,
    string Type,
    double Min,
    double Max,
    int Decimals,
    double MaturityWeight,
    bool IsInteger,
    bool Log,
    string? FractionOf,
    double PAtMaturity0,
    double PAtMaturity1,
    double Early,
    double Late)
{
    public static WorkloadIndicator From(JsonElement e) => new(
        e.GetProperty("name").GetString()!,
        e.GetProperty("type").GetString()!,
        Number(e, "min"),
        Number(e, "max"),
        (int)Number(e, "decimals"),
        Number(e, "maturityWeight"),
        Flag(e, "integer"),
        Flag(e, "log"),
        e.TryGetProperty("fractionOf", out var f) ? f.GetString() : null,
        Number(e, "pAtMaturity0"),
        Number(e, "pAtMaturity1"),
        Number(e, "early"),
        Number(e, "late"));

    private static double Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetDouble() : 0;

    private static bool Flag(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.GetBoolean();
}
