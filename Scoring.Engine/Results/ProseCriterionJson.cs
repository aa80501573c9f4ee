using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Engine.Results;

/// <summary>
/// Reads a criterion as cards were stored before explanations became data: <c>{"id", "title", "points", "maxPoints",
/// "values": [{"name", "value": "invariant text"}], "outcome", "reason"}</c>. Its reason was finished Vietnamese prose; it is
/// kept as it was written (<see cref="CriterionExplanation.StoredReason"/>) and shown as it is, so the stored card, and the
/// published result it belongs to, never change.
/// </summary>
internal static class ProseCriterionJson
{
    public static bool IsProse(JsonElement criterion) =>
        criterion.ValueKind == JsonValueKind.Object
        && !criterion.TryGetProperty("explanation", out _)
        && criterion.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String;

    public static CriterionScore Read(JsonElement criterion)
    {
        var values = criterion.TryGetProperty("values", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(Value)]
            : ImmutableArray<UsedValue>.Empty;
        return new CriterionScore(
            Text(criterion, "id") ?? "",
            Text(criterion, "title") ?? "",
            Number(criterion, "points"),
            Number(criterion, "maxPoints"),
            new CriterionExplanation
            {
                Method = "",
                Outcome = Text(criterion, "outcome") ?? "",
                Values = values,
                StoredReason = Text(criterion, "reason"),
            });
    }

    // Values were invariant text: a number, an ISO date, or null when not submitted. The indicator's id stands for its
    // title, which the old form did not store.
    private static UsedValue Value(JsonElement value)
    {
        var name = Text(value, "name") ?? "";
        var text = Text(value, "value");
        if (text is null)
        {
            return new UsedValue(name, name, null);
        }
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return new UsedValue(name, name, number);
        }
        return LocalDatePattern.Iso.Parse(text) is { Success: true } date
            ? new UsedValue(name, name, null, date.Value, "date")
            : new UsedValue(name, name, null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : 0m;
}
