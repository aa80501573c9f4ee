using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scoring.Engine.Results;

/// <summary>
/// System.Text.Json reads a <see cref="CriterionList"/> as the array of criterion scores it writes. A criterion stored
/// before explanations were data (a written "reason", no "explanation") is read by <see cref="ProseCriterionJson"/>, so
/// cards stored then still load; writing is unchanged.
/// </summary>
internal sealed class CriterionListJsonConverter : JsonConverter<CriterionList>
{
    public override CriterionList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var array = document.RootElement;
        if (array.ValueKind == JsonValueKind.Null)
        {
            return CriterionList.Empty;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"A list of criteria must be a JSON array, not {array.ValueKind}.");
        }
        var items = new List<CriterionScore>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            items.Add(ProseCriterionJson.IsProse(element)
                ? ProseCriterionJson.Read(element)
                : element.Deserialize<CriterionScore>(options) ?? throw new JsonException("A criterion is null."));
        }
        return CriterionList.Of(items);
    }

    public override void Write(Utf8JsonWriter writer, CriterionList value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}
