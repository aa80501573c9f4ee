using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Scoring.Rules.Loading;

namespace Scoring.Host.RuleSets;

/// <summary>
/// Reads an uploaded rule set with the shared loader: syntax, model, validation with file/line/column/JSON path, and
/// the canonical SHA-256.
/// </summary>
internal static class RuleSetIntake
{
    /// <summary>Reads, validates and hashes with Scoring.Rules' loader: every diagnostic, and the canonical hash when valid.</summary>
    public static RuleSetIntakeResult Inspect(byte[] body, string file)
    {
        // The same reading as the command line's: size limit, strict UTF-8, then the text.
        var loaded = RuleSetLoader.LoadBytes(body, file);
        if (!StrictUtf8.TryDecode(body, out var json, out _))
        {
            return new RuleSetIntakeResult(null, null, null, null, null, loaded.Diagnostics);
        }
        if (loaded.Document is { } document && loaded.Succeeded)
        {
            var ruleSet = document.RuleSet;
            return new RuleSetIntakeResult(ruleSet.Id, ruleSet.Version, ruleSet.Title, ruleSet.Tenant, document.Identity.Sha256, loaded.Diagnostics) { Json = json };
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
}
