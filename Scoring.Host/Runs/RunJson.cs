using System.Text.Json;

namespace Scoring.Host.Runs;

/// <summary>The one serializer for run inputs and outcomes, so hashes are stable.</summary>
internal static class RunJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Stored JSON is not a {typeof(T).Name}.");
}
