using System.Text.Json;

namespace Scoring.Host.Public;

/// <summary>Grade, award and indicator titles by id, read straight from a stored rule-set JSON (no full load needed for a table).</summary>
internal sealed record RuleSetLabels(IReadOnlyDictionary<string, string> Grades, IReadOnlyDictionary<string, string> Awards, IReadOnlyDictionary<string, string> Indicators)
{
    public static RuleSetLabels From(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new RuleSetLabels(Titles(document.RootElement, "grades"), Titles(document.RootElement, "awards"), Titles(document.RootElement, "indicators"));
    }

    public string Grade(string id) => Grades.TryGetValue(id, out var title) ? title : id;

    public string? Award(string? id) => id is null ? null : Awards.TryGetValue(id, out var title) ? title : id;

    private static Dictionary<string, string> Titles(JsonElement root, string property)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    && item.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
                {
                    titles[id.GetString()!] = title.GetString()!;
                }
            }
        }

        return titles;
    }
}
