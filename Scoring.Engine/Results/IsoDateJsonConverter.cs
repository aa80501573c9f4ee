using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Engine.Results;

/// <summary>System.Text.Json writes an explanation's dates as ISO text ("2025-11-10"), as the result JSON does.</summary>
internal sealed class IsoDateJsonConverter : JsonConverter<LocalDate?>
{
    public override LocalDate? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : LocalDatePattern.Iso.Parse(reader.GetString() ?? "").GetValueOrThrow();

    public override void Write(Utf8JsonWriter writer, LocalDate? value, JsonSerializerOptions options)
    {
        if (value is { } date)
        {
            writer.WriteStringValue(LocalDatePattern.Iso.Format(date));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
