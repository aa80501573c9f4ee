using System.Collections.Immutable;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;

namespace Scoring.Engine.Results;

/// <summary>
/// The stored form of a <see cref="CriterionExplanation"/> inside a criterion's JSON object: fixed property order, only
/// the fields that apply, decimals exact and invariant, dates ISO. Part of the result, so its hash covers it.
/// </summary>
internal static class ExplanationJson
{
    public static void Write(JsonWriter w, CriterionExplanation e)
    {
        ResultJson.Property(w, "method", e.Method);
        ResultJson.Property(w, "outcome", e.Outcome);
        w.WritePropertyName("values");
        w.WriteStartArray();
        foreach (var value in e.Values.IsDefault ? [] : e.Values)
        {
            w.WriteStartObject();
            ResultJson.Property(w, "name", value.Name);
            ResultJson.Property(w, "title", value.Title);
            if (value.Type != "number")
            {
                ResultJson.Property(w, "type", value.Type);
            }
            if (value.Date is { } date)
            {
                ResultJson.Property(w, "date", Iso(date));
            }
            else if (value.Value is { } number)
            {
                ResultJson.Number(w, "value", number);
            }
            else
            {
                w.WritePropertyName("value");
                w.WriteNull();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Optional(w, "label", e.Label);
        Flag(w, "labelIsFormula", e.LabelIsFormula);
        if (e.ValueFormat != 'n')
        {
            ResultJson.Property(w, "valueFormat", e.ValueFormat.ToString());
        }
        Optional(w, "value", e.Value);
        if (e.Band is { } band)
        {
            w.WritePropertyName("band");
            w.WriteStartObject();
            w.WritePropertyName("row");
            w.WriteValue(band.Row);
            Optional(w, "label", band.Label);
            Optional(w, "atLeast", band.AtLeast);
            Optional(w, "above", band.Above);
            Optional(w, "atMost", band.AtMost);
            Optional(w, "below", band.Below);
            w.WriteEndObject();
        }
        Optional(w, "target", e.Target);
        Optional(w, "ratio", e.Ratio);
        Flag(w, "lowerIsBetter", e.LowerIsBetter);
        Optional(w, "pointsEach", e.PointsEach);
        Optional(w, "raw", e.Raw);
        Optional(w, "condition", e.Condition);
        Optional(w, "submitted", e.Submitted is { } s ? Iso(s) : null);
        Optional(w, "due", e.Due is { } d ? Iso(d) : null);
        Optional(w, "daysLate", e.DaysLate);
        Optional(w, "weeksLate", e.WeeksLate);
        Optional(w, "deduction", e.Deduction);
        Optional(w, "floor", e.Floor);
        Optional(w, "groupBest", e.GroupBest);
        Optional(w, "leaderRatio", e.LeaderRatio);
        Optional(w, "groupNoun", e.GroupNoun);
        Optional(w, "rank", e.Rank);
        Optional(w, "ranked", e.Ranked);
        Flag(w, "tied", e.Tied);
        if (!e.Steps.IsDefaultOrEmpty)
        {
            w.WritePropertyName("steps");
            w.WriteStartArray();
            foreach (var step in e.Steps)
            {
                w.WriteStartObject();
                ResultJson.Property(w, "op", step.Operator);
                ResultJson.Number(w, "left", step.Left);
                Optional(w, "right", step.Right);
                ResultJson.Number(w, "value", step.Value);
                ResultJson.Property(w, "format", step.Format);
                Flag(w, "chained", step.Chained);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        Optional(w, "missing", e.MissingIndicator);
        Optional(w, "error", e.Error);
    }

    public static CriterionExplanation Read(JToken t, int precision) => new()
    {
        Method = ResultJson.Str(t, "method"),
        Outcome = ResultJson.Str(t, "outcome"),
        Values = ResultJson.List(t, "values", v => new UsedValue(
            ResultJson.Str(v, "name"), ResultJson.Str(v, "title"), v["value"] is { Type: not JTokenType.Null } n ? n.Value<decimal>() : null,
            v["date"] is { } date ? Date(date) : null, v["type"]?.Value<string>() ?? "number")),
        Label = t["label"]?.Value<string>(),
        LabelIsFormula = t["labelIsFormula"]?.Value<bool>() ?? false,
        ValueFormat = t["valueFormat"]?.Value<string>() is [var format] ? format : 'n',
        Value = Dec(t, "value"),
        Band = t["band"] is { } band
            ? new BandBounds(ResultJson.Req(band, "row").Value<int>(), band["label"]?.Value<string>(), Dec(band, "atLeast"), Dec(band, "above"), Dec(band, "atMost"), Dec(band, "below"))
            : null,
        Target = Dec(t, "target"),
        Ratio = Dec(t, "ratio"),
        LowerIsBetter = t["lowerIsBetter"]?.Value<bool>() ?? false,
        PointsEach = Dec(t, "pointsEach"),
        Raw = Dec(t, "raw"),
        Condition = t["condition"]?.Value<string>(),
        Submitted = t["submitted"] is { } submitted ? Date(submitted) : null,
        Due = t["due"] is { } due ? Date(due) : null,
        DaysLate = t["daysLate"]?.Value<int>(),
        WeeksLate = t["weeksLate"]?.Value<int>(),
        Deduction = Dec(t, "deduction"),
        Floor = Dec(t, "floor"),
        GroupBest = Dec(t, "groupBest"),
        LeaderRatio = Dec(t, "leaderRatio"),
        GroupNoun = t["groupNoun"]?.Value<string>(),
        Rank = t["rank"]?.Value<int>(),
        Ranked = t["ranked"]?.Value<int>(),
        Tied = t["tied"]?.Value<bool>() ?? false,
        Steps = t["steps"] is JArray steps
            ? [.. steps.Select(s => new ExpressionStep(
                ResultJson.Str(s, "op"), ResultJson.Dec(s, "left"), Dec(s, "right"), ResultJson.Dec(s, "value"), ResultJson.Str(s, "format"), s["chained"]?.Value<bool>() ?? false))]
            : ImmutableArray<ExpressionStep>.Empty,
        MissingIndicator = t["missing"]?.Value<string>(),
        Error = t["error"]?.Value<string>(),
        Precision = precision,
    };

    private static decimal? Dec(JToken t, string name) => t[name] is { Type: not JTokenType.Null } v ? v.Value<decimal>() : null;

    private static LocalDate Date(JToken t) =>
        LocalDatePattern.Iso.Parse(t.Value<string>() ?? "").GetValueOrThrow();

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static void Optional(JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            ResultJson.Property(w, name, value);
        }
    }

    private static void Optional(JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            ResultJson.Number(w, name, v);
        }
    }

    private static void Optional(JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WritePropertyName(name);
            w.WriteValue(v);
        }
    }

    private static void Flag(JsonWriter w, string name, bool value)
    {
        if (value)
        {
            w.WritePropertyName(name);
            w.WriteValue(true);
        }
    }
}
