using System.Text.Json;

namespace Scoring.Host.UnitWorkspace;

/// <summary>
/// Reads a refused save (<see cref="SubmissionRefusal"/>, the same the API answers with) for the page: the per-indicator problems of a 422 (extension <c>values</c>: indicator, problem,
/// allowed) go next to their fields; anything else is the page's message.
/// </summary>
internal static class FieldErrors
{
    public static (Dictionary<string, string> Fields, string Message) From(SubmissionRefusal refusal)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (refusal.Extensions is { } extensions && extensions.TryGetValue("values", out var values) && values is not null)
        {
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(values, JsonSerializerOptions.Web));
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    if (item.TryGetProperty("indicator", out var id) && id.GetString() is { } indicator)
                    {
                        var text = item.TryGetProperty("problem", out var p) ? p.GetString() : null;
                        var allowed = item.TryGetProperty("allowed", out var a) ? a.GetString() : null;
                        fields[indicator] = allowed is null ? text ?? "Giá trị không hợp lệ." : $"{text}; giá trị hợp lệ: {allowed}.";
                    }
                }
            }
        }

        var message = fields.Count > 0
            ? $"Có {fields.Count} giá trị chưa hợp lệ (ghi ngay dưới từng ô); chưa lưu gì. Hãy sửa rồi lưu lại."
            : refusal.Detail;
        return (fields, message);
    }
}
