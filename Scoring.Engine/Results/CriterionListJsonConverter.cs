using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scoring.Engine.Results;

/// <summary>System.Text.Json reads a <see cref="CriterionList"/> as the array of criterion scores it writes.</summary>
internal sealed class CriterionListJsonConverter : JsonConverter<CriterionList>
{
    public override CriterionList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CriterionList.Of(JsonSerializer.Deserialize<CriterionScore[]>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, CriterionList value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}
