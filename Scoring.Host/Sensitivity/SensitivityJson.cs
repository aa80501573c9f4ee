using System.Text;
using System.Text.Json;
using Scoring.Engine.Sensitivity;

namespace Scoring.Host.Sensitivity;

/// <summary>
/// A sensitivity report as JSON with a fixed property order (the same options and inputs give the same bytes):
/// counts out of <c>samples</c> and the shares they make, to 4 decimals.
/// </summary>
internal static class SensitivityJson
{
    public static string Write(SensitivityReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("samples", report.Samples);
            json.WriteNumber("spreadPercent", report.SpreadPercent);
            json.WriteNumber("seed", report.Seed);
            json.WriteStartArray("ruleSets");
            foreach (var set in report.RuleSets)
            {
                json.WriteStartObject();
                json.WriteString("id", set.RuleSet.Id);
                json.WriteString("version", set.RuleSet.Version);
                json.WriteString("sha256", set.RuleSet.Sha256);
                json.WriteString("title", set.Title);
                json.WriteNumber("year", set.Year);
                WriteFlips(json, "leaderFlips", set.LeaderFlips);
                json.WriteStartArray("groups");
                foreach (var group in set.Groups)
                {
                    json.WriteStartObject();
                    json.WriteString("code", group.Code);
                    json.WriteString("name", group.Name);
                    json.WriteString("leader", group.Leader);
                    json.WriteNumber("leaderKept", group.LeaderKept);
                    json.WriteNumber("leaderKeptShare", report.Share(group.LeaderKept));
                    WriteFlips(json, "flipCriteria", group.FlipCriteria);
                    json.WriteStartArray("units");
                    foreach (var unit in group.Units)
                    {
                        json.WriteStartObject();
                        json.WriteString("code", unit.Code);
                        json.WriteString("name", unit.Name);
                        json.WriteNumber("rank", unit.Rank);
                        json.WriteString("award", unit.Award);
                        json.WriteNumber("rankKept", unit.RankKept);
                        json.WriteNumber("rankKeptShare", report.Share(unit.RankKept));
                        json.WriteNumber("awardKept", unit.AwardKept);
                        json.WriteNumber("awardKeptShare", report.Share(unit.AwardKept));
                        json.WriteNumber("bestRank", unit.BestRank);
                        json.WriteNumber("worstRank", unit.WorstRank);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteFlips(Utf8JsonWriter json, string name, IEnumerable<CriterionFlips> flips)
    {
        json.WriteStartArray(name);
        foreach (var flip in flips)
        {
            json.WriteStartObject();
            json.WriteString("criterion", flip.CriterionId);
            json.WriteString("title", flip.Title);
            json.WriteNumber("flips", flip.Flips);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
