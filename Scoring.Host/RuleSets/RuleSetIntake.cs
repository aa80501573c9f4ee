using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Loading;

namespace Scoring.Host.RuleSets;

/// <summary>
/// Reads an uploaded rule set with the shared loader (syntax, model, validation with file/line/column/JSON path, the
/// canonical SHA-256) and keeps a canonical writer for criterion-level diffs.
/// </summary>
internal static class RuleSetIntake
{
    /// <summary>Reads, validates and hashes with Scoring.Rules' loader: every diagnostic, and the canonical hash when valid.</summary>
    public static RuleSetIntakeResult Inspect(string json, string file)
    {
        var loaded = RuleSetLoader.LoadText(json, file);
        if (loaded.Document is { } document && loaded.Succeeded)
        {
            var ruleSet = document.RuleSet;
            return new RuleSetIntakeResult(ruleSet.Id, ruleSet.Version, ruleSet.Title, ruleSet.Tenant, document.Identity.Sha256, loaded.Diagnostics);
        }

        // Invalid: name what can be named so the report says which rule set it is.
        string? Field(string name)
        {
            try
            {
                return JObject.Parse(json)[name] is JValue { Type: JTokenType.String } v ? v.Value<string>() : null;
            }
            catch (JsonReaderException)
            {
                return null;
            }
        }

        return new RuleSetIntakeResult(Field("id"), Field("version"), Field("title"), Field("tenant"), null, loaded.Diagnostics);
    }

    /// <summary>SHA-256 of the canonical form: object keys sorted ordinally, compact, without the "$schema" hint.</summary>
    public static string Sha256(JToken root) => Audit.ContentHash.Of(Canonical(root));

    public static string Canonical(JToken token)
    {
        var sb = new StringBuilder();
        using var writer = new JsonTextWriter(new StringWriter(sb)) { Formatting = Formatting.None };
        Write(writer, token);
        writer.Flush();
        return sb.ToString();
    }

    private static void Write(JsonWriter writer, JToken token)
    {
        switch (token)
        {
            case JObject obj:
                writer.WriteStartObject();
                foreach (var property in obj.Properties().Where(p => p.Name != "$schema").OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                token.WriteTo(writer);
                break;
        }
    }
}
