using Newtonsoft.Json.Linq;

namespace Scoring.Host.RuleSets;

/// <summary>Of a rule set's published versions, the highest whose <c>years</c> cover the year scored.</summary>
internal static class RuleSetVersionPicker
{
    public static RuleSetVersion? Latest(IEnumerable<RuleSetVersion> versions, int year) =>
        versions.Where(v => Covers(v, year))
            .OrderByDescending(v => Version.TryParse(v.Version, out var parsed) ? parsed : new Version(0, 0))
            .FirstOrDefault();

    private static bool Covers(RuleSetVersion version, int year)
    {
        var years = JObject.Parse(version.Json)["years"];
        var from = years?["from"]?.Value<int?>() ?? int.MinValue;
        var to = years?["to"]?.Value<int?>() ?? int.MaxValue;
        return year >= from && year <= to;
    }
}
