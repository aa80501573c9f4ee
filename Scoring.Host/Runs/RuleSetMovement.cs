using System.Text.Json;

namespace Scoring.Host.Runs;

/// <summary>The movement a stored rule set belongs to (its <c>movement</c> field), read without loading the whole rule set.</summary>
internal static class RuleSetMovement
{
    /// <summary>The <c>movement</c> a stored rule set declares, or null.</summary>
    public static string? Declared(string ruleSetJson)
    {
        using var document = JsonDocument.Parse(ruleSetJson);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("movement", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()
            : null;
    }
}
