using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Scoring.Rules.Model;

namespace Scoring.Bench.Generation;

/// <summary>Writes the workload rule set as format v1 JSON (only the parts the workload uses).</summary>
public static class RuleSetJsonWriter
{
    public static string Write(RuleSet rs)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "../../schema/rule-set.v1.schema.json");
            w.WriteNumber("format", rs.FormatVersion);
            w.WriteString("id", rs.Id);
            w.WriteString("version", rs.Version);
            w.WriteString("title", rs.Title);
            w.WriteString("tenant", rs.Tenant);
            w.WriteString("movement", rs.Movement);
            w.WriteString("source", rs.Source);
            w.WriteStartObject("years");
            w.WriteNumber("from", rs.Years.From);
            w.WriteNumber("to", rs.Years.To);
            w.WriteEndObject();
            w.WriteStartArray("unitKinds");
            rs.UnitKinds.ToList().ForEach(k => w.WriteStringValue(k.Value));
            w.WriteEndArray();
            w.WriteNumber("precision", rs.Precision);
            w.WriteStartArray("indicators");
            foreach (var i in rs.Indicators)
            {
                w.WriteStartObject();
                w.WriteString("id", i.Id);
                w.WriteString("type", i.Type.ToString().ToLowerInvariant());
                if (i.Min is { } min) w.WriteNumber("min", min);
                if (i.Max is { } max) w.WriteNumber("max", max);
                w.WriteString("source", i.Source == IndicatorSource.Imported ? "imported" : "self");
                w.WriteString("title", i.Title);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("sections");
            foreach (var s in rs.Sections)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("title", s.Title);
                w.WriteNumber("maxPoints", s.MaxPoints);
                w.WriteStartArray("criteria");
                foreach (var c in s.Criteria)
                {
                    WriteCriterion(w, c);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("total");
            w.WriteNumber("min", rs.Total.Min);
            w.WriteNumber("max", rs.Total.Max);
            w.WriteEndObject();
            w.WriteStartArray("grades");
            foreach (var g in rs.Grades)
            {
                w.WriteStartObject();
                w.WriteString("id", g.Id);
                w.WriteString("title", g.Title);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteCriterion(Utf8JsonWriter w, Criterion c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("title", c.Title);
        w.WriteNumber("maxPoints", c.MaxPoints);
        w.WriteString("method", c.Method.Name);
        switch (c.Method)
        {
            case BandsMethod b:
                w.WriteString("value", b.Value);
                w.WriteStartArray("bands");
                foreach (var r in b.Rows)
                {
                    w.WriteStartObject();
                    if (r.AtLeast is { } a) w.WriteNumber("atLeast", a);
                    if (r.AtMost is { } m) w.WriteNumber("atMost", m);
                    w.WriteNumber("points", r.Points);
                    if (r.Label is { } l) w.WriteString("label", l);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                break;
            case TargetMethod t:
                w.WriteString("value", t.Value);
                // A constant target is written as a number, as in the format example.
                if (decimal.TryParse(t.Target, NumberStyles.Number, CultureInfo.InvariantCulture, out var target))
                    w.WriteNumber("target", target);
                else
                    w.WriteString("target", t.Target);
                break;
            case CheckMethod k:
                w.WriteString("condition", k.Condition);
                break;
            case ExpressionMethod e:
                w.WriteString("formula", e.Formula);
                break;
            default:
                throw new InvalidOperationException($"The writer does not handle method '{c.Method.Name}'.");
        }
        w.WriteEndObject();
    }
}
