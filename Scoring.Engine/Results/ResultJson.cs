using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scoring.Engine.Text;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Results;

/// <summary>
/// The canonical JSON of a <see cref="ScoringResult"/>: fixed property order, decimals normalised and invariant
/// ("7.5", never "7.50"), two-space indentation, LF newlines, UTF-8 without BOM, no timestamps. The same result
/// always gives the same bytes, so results can be hashed and compared.
/// </summary>
public static class ResultJson
{
    /// <summary>The canonical JSON text (ends with a newline).</summary>
    public static string Write(ScoringResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2, IndentChar = ' ', StringEscapeHandling = StringEscapeHandling.Default })
        {
            w.WriteStartObject();
            w.WritePropertyName("ruleSet");
            w.WriteStartObject();
            Property(w, "id", result.RuleSet.Id);
            Property(w, "version", result.RuleSet.Version);
            Property(w, "sha256", result.RuleSet.Sha256);
            w.WriteEndObject();
            w.WritePropertyName("year");
            w.WriteValue(result.Year);
            w.WritePropertyName("precision");
            w.WriteValue(result.Precision);
            Array(w, "groups", result.Groups, WriteGroup);
            Array(w, "awards", result.Awards, WriteAward);
            Array(w, "notes", result.Notes, (writer, note) => writer.WriteValue(note));
            w.WriteEndObject();
        }
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The canonical JSON as UTF-8 bytes (no BOM).</summary>
    public static byte[] WriteUtf8(ScoringResult result) => new UTF8Encoding(false).GetBytes(Write(result));

    /// <summary>
    /// Reads JSON written by <see cref="Write"/> back into a result (for stored snapshots); decimals are read exactly,
    /// so <c>Write(Read(json)) == json</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is not a result written by <see cref="Write"/>.</exception>
    public static ScoringResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
            var root = JObject.Load(reader);
            var ruleSet = Req(root, "ruleSet");
            var precision = Req(root, "precision").Value<int>();
            return new ScoringResult(
                new RuleSetIdentity(Str(ruleSet, "id"), Str(ruleSet, "version"), Str(ruleSet, "sha256")),
                Req(root, "year").Value<int>(),
                List(root, "groups", g => ReadGroup(g, precision)),
                List(root, "awards", ReadAward))
            {
                Notes = List(root, "notes", t => t.Value<string>()!),
                Precision = precision,
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidCastException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"Not a scoring result written by ResultJson: {ex.Message}", ex);
        }
    }

    private static GroupResult ReadGroup(JToken t, int precision) =>
        new(Str(t, "code"), Str(t, "name"), Str(t, "kind"), List(t, "ranking", u => ReadUnit(u, precision)));

    private static UnitScore ReadUnit(JToken t, int precision) => new(
        Str(t, "code"), Str(t, "name"), Str(t, "group"), Req(t, "rank").Value<int>(), Req(t, "tied").Value<bool>(),
        Dec(t, "total"), Dec(t, "basePoints"), Dec(t, "bonus"), Dec(t, "penalty"), Str(t, "grade"), Str(t, "gradeTitle"),
        List(t, "sections", s => ReadSection(s, precision)), Criteria(t, "bonusCriteria", precision), Criteria(t, "penaltyCriteria", precision),
        t["award"]?.Value<string>(), List(t, "notes", n => n.Value<string>()!));

    private static SectionScore ReadSection(JToken t, int precision) =>
        new(Str(t, "id"), Str(t, "title"), Dec(t, "points"), Dec(t, "maxPoints"), Criteria(t, "criteria", precision));

    private static CriterionList Criteria(JToken t, string name, int precision) => CriterionList.Of(List(t, name, c => ReadCriterion(c, precision)));

    private static CriterionScore ReadCriterion(JToken t, int precision) => new(
        Str(t, "id"), Str(t, "title"), Dec(t, "points"), Dec(t, "maxPoints"), ExplanationJson.Read(t, precision));

    private static AwardProposal ReadAward(JToken t) => new(
        Str(t, "award"), Str(t, "awardTitle"), Str(t, "unitCode"), Str(t, "unitName"), Str(t, "group"),
        Req(t, "rank").Value<int>(), Dec(t, "total"), Req(t, "tieAtCut").Value<bool>(), Str(t, "reason"), ReadAuthority(t["authority"]));

    // Results of rule sets that declare no authority carry none, so their stored bytes are unchanged.
    private static AwardAuthority? ReadAuthority(JToken? t) => t is null || t.Type == JTokenType.Null
        ? null
        : new AwardAuthority((AwardAuthorityLevel)AwardAuthority.LevelNames.IndexOf(Str(t, "level")), t["tenant"]?.Value<string>());

    internal static JToken Req(JToken t, string name) => t[name] ?? throw new FormatException($"'{name}' is missing at {t.Path}.");

    internal static string Str(JToken t, string name) => Req(t, name).Value<string>() ?? throw new FormatException($"'{name}' is null at {t.Path}.");

    internal static decimal Dec(JToken t, string name) => Req(t, name).Value<decimal>();

    internal static ImmutableArray<T> List<T>(JToken t, string name, Func<JToken, T> read) =>
        [.. (Req(t, name) as JArray ?? throw new FormatException($"'{name}' is not an array at {t.Path}.")).Select(read)];

    private static void WriteGroup(JsonWriter w, GroupResult group)
    {
        w.WriteStartObject();
        Property(w, "code", group.Code);
        Property(w, "name", group.Name);
        Property(w, "kind", group.Kind);
        Array(w, "ranking", group.Ranking, WriteUnit);
        w.WriteEndObject();
    }

    private static void WriteUnit(JsonWriter w, UnitScore unit)
    {
        w.WriteStartObject();
        Property(w, "code", unit.Code);
        Property(w, "name", unit.Name);
        Property(w, "group", unit.Group);
        w.WritePropertyName("rank");
        w.WriteValue(unit.Rank);
        w.WritePropertyName("tied");
        w.WriteValue(unit.Tied);
        Number(w, "total", unit.Total);
        Number(w, "basePoints", unit.BasePoints);
        Number(w, "bonus", unit.Bonus);
        Number(w, "penalty", unit.Penalty);
        Property(w, "grade", unit.Grade);
        Property(w, "gradeTitle", unit.GradeTitle);
        Property(w, "award", unit.Award);
        Array(w, "sections", unit.Sections, WriteSection);
        Array(w, "bonusCriteria", unit.BonusCriteria, WriteCriterion);
        Array(w, "penaltyCriteria", unit.PenaltyCriteria, WriteCriterion);
        Array(w, "notes", unit.Notes, (writer, note) => writer.WriteValue(note));
        w.WriteEndObject();
    }

    private static void WriteSection(JsonWriter w, SectionScore section)
    {
        w.WriteStartObject();
        Property(w, "id", section.Id);
        Property(w, "title", section.Title);
        Number(w, "points", section.Points);
        Number(w, "maxPoints", section.MaxPoints);
        Array(w, "criteria", section.Criteria, WriteCriterion);
        w.WriteEndObject();
    }

    private static void WriteCriterion(JsonWriter w, CriterionScore criterion)
    {
        w.WriteStartObject();
        Property(w, "id", criterion.Id);
        Property(w, "title", criterion.Title);
        Number(w, "points", criterion.Points);
        Number(w, "maxPoints", criterion.MaxPoints);
        ExplanationJson.Write(w, criterion.Explanation);
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

    internal static void Property(JsonWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.WriteValue(value);
        }
    }

    internal static void Number(JsonWriter w, string name, decimal value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(Vn.Invariant(value));
    }

    private static void Array<T>(JsonWriter w, string name, IReadOnlyList<T> items, Action<JsonWriter, T> write)
    {
        w.WritePropertyName(name);
        w.WriteStartArray();
        foreach (var item in items)
        {
            write(w, item);
        }
        w.WriteEndArray();
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
