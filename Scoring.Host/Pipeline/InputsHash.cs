using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Scoring.Engine.Model;
using Scoring.Rules.Model;

namespace Scoring.Host.Pipeline;

/// <summary>
/// SHA-256 (lower-case hex) of a canonical JSON form of a request's inputs: the rule-set hash, the year, groups by
/// code (members sorted), units by code (values sorted by id, each as type and invariant text) and history sorted.
/// Order of the request's lists never changes it; any changed input does.
/// </summary>
internal static class InputsHash
{
    public static string Compute(ScoringRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("ruleSet", request.RuleSet.Identity.Sha256);
            json.WriteNumber("year", request.Year);
            json.WriteStartArray("groups");
            foreach (var group in request.Groups.OrderBy(g => g.Code, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("code", group.Code);
                json.WriteString("name", group.Name);
                json.WriteString("kind", group.Kind);
                json.WriteStartArray("members");
                foreach (var member in group.Members.Order(StringComparer.Ordinal))
                {
                    json.WriteStringValue(member);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("units");
            foreach (var unit in request.Units.OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("code", unit.Code);
                json.WriteString("name", unit.Name);
                json.WriteString("kind", unit.Kind);
                json.WriteBoolean("dissolved", unit.Dissolved);
                json.WriteStartObject("values");
                foreach (var (id, value) in unit.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    json.WriteString(id, $"{TypeName(value.Type)}:{Canonical(value)}");
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("history");
            foreach (var record in request.History
                         .OrderBy(h => h.UnitCode, StringComparer.Ordinal)
                         .ThenBy(h => h.Year)
                         .ThenBy(h => h.Grade, StringComparer.Ordinal)
                         .ThenBy(h => h.Award, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("unit", record.UnitCode);
                json.WriteNumber("year", record.Year);
                json.WriteString("grade", record.Grade);
                json.WriteString("award", record.Award);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    // 0.85 and 0.850 are the same input: trailing zeros of a decimal's scale are dropped.
    private static string Canonical(IndicatorValue value) => value.Type is IndicatorType.Boolean or IndicatorType.Date
        ? value.ToString()
        : (value.Number / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string TypeName(IndicatorType type) => type switch
    {
        IndicatorType.Number => "number",
        IndicatorType.Percent => "percent",
        IndicatorType.Count => "count",
        IndicatorType.Boolean => "boolean",
        _ => "date",
    };
}
