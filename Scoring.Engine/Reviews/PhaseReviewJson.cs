using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Scoring.Engine.Results;
using Scoring.Engine.Text;
using static Scoring.Engine.Results.ResultJson;

namespace Scoring.Engine.Reviews;

/// <summary>
/// The canonical JSON of a <see cref="PhaseReviewResult"/>, written like <see cref="ResultJson"/>: fixed property
/// order, invariant decimals without trailing zeros, two-space indentation, LF newlines, UTF-8 without BOM, no
/// timestamps. The same review always gives the same bytes.
/// </summary>
public static class PhaseReviewJson
{
    /// <summary>The canonical JSON text (ends with a newline).</summary>
    public static string Write(PhaseReviewResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2, IndentChar = ' ' })
        {
            w.WriteStartObject();
            w.WritePropertyName("ruleSet");
            w.WriteStartObject();
            Property(w, "id", result.RuleSet.Id);
            Property(w, "version", result.RuleSet.Version);
            Property(w, "sha256", result.RuleSet.Sha256);
            w.WriteEndObject();
            Property(w, "phase", result.Phase);
            Property(w, "title", result.Title);
            w.WritePropertyName("from");
            w.WriteValue(result.From);
            w.WritePropertyName("to");
            w.WriteValue(result.To);
            Array(w, "groups", result.Groups, (writer, group) =>
            {
                writer.WriteStartObject();
                Property(writer, "code", group.Code);
                Property(writer, "name", group.Name);
                Property(writer, "kind", group.Kind);
                Array(writer, "ranking", group.Ranking, WriteUnit);
                writer.WriteEndObject();
            });
            Array(w, "tenantRanking", result.Tenant, WriteUnit);
            Array(w, "awards", result.Awards, WriteAward);
            Array(w, "notes", result.Notes, (writer, note) => writer.WriteValue(note));
            w.WriteEndObject();
        }
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The canonical JSON as UTF-8 bytes (no BOM).</summary>
    public static byte[] WriteUtf8(PhaseReviewResult result) => new UTF8Encoding(false).GetBytes(Write(result));

    private static void WriteUnit(JsonWriter w, PhaseUnitResult unit)
    {
        w.WriteStartObject();
        Property(w, "code", unit.Code);
        Property(w, "name", unit.Name);
        Property(w, "group", unit.Group);
        w.WritePropertyName("rank");
        w.WriteValue(unit.Rank);
        w.WritePropertyName("tied");
        w.WriteValue(unit.Tied);
        w.WritePropertyName("yearsScored");
        w.WriteValue(unit.YearsScored);
        Array(w, "measures", unit.Measures, (writer, m) =>
        {
            writer.WriteStartObject();
            Property(writer, "id", m.Id);
            Property(writer, "title", m.Title);
            Number(writer, "value", m.Value);
            writer.WriteEndObject();
        });
        Property(w, "grade", unit.Grade);
        Property(w, "gradeTitle", unit.GradeTitle);
        Property(w, "award", unit.Award);
        Array(w, "years", unit.Years, (writer, y) =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("year");
            writer.WriteValue(y.Year);
            writer.WritePropertyName("total");
            if (y.Total is { } total)
            {
                writer.WriteRawValue(Vn.Invariant(total));
            }
            else
            {
                writer.WriteNull();
            }
            Property(writer, "grade", y.Grade);
            Property(writer, "award", y.Award);
            Array(writer, "from", y.From, (ww, code) => ww.WriteValue(code));
            writer.WriteEndObject();
        });
        Array(w, "notes", unit.Notes, (writer, note) => writer.WriteValue(note));
        w.WriteEndObject();
    }

    private static void WriteAward(JsonWriter w, AwardProposal award)
    {
        w.WriteStartObject();
        Property(w, "award", award.Award);
        Property(w, "awardTitle", award.AwardTitle);
        Property(w, "unitCode", award.UnitCode);
        Property(w, "unitName", award.UnitName);
        Property(w, "group", award.Group);
        w.WritePropertyName("rank");
        w.WriteValue(award.Rank);
        // "total" and "authority" as in the yearly result's awards (ResultJson), so one reader takes both.
        Number(w, "total", award.Total);
        w.WritePropertyName("tieAtCut");
        w.WriteValue(award.TieAtCut);
        Property(w, "reason", award.Reason);
        if (award.Authority is { } authority)
        {
            w.WritePropertyName("authority");
            w.WriteStartObject();
            Property(w, "level", authority.LevelName);
            Property(w, "tenant", authority.Tenant);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Array<T>(JsonWriter w, string name, ImmutableArray<T> items, Action<JsonWriter, T> write)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var item in items.IsDefault ? [] : items)
        {
            write(w, item);
        }
        w.WriteEndArray();
    }
}
