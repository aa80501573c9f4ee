using System.Text.Json.Serialization;
using NodaTime.Serialization.SystemTextJson;

namespace Scoring.Engine.Results;

/// <summary>
/// Writes and reads a date property of a card as ISO text ("2025-11-10") with NodaTime.Serialization.SystemTextJson's own
/// converter (<see cref="NodaConverters.LocalDateConverter"/>, System.Text.Json wraps it for <c>LocalDate?</c>). Put on the
/// property rather than registered on options, so every serializer options object that writes a card, stored, hashed or
/// answered, writes the same bytes.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class IsoDateJsonAttribute : JsonConverterAttribute
{
    public override JsonConverter CreateConverter(Type typeToConvert) => NodaConverters.LocalDateConverter;
}
