using Scoring.Rules.Model;

namespace Scoring.Host.Public;

/// <summary>Grade, award and indicator titles by id, from a published rule set (<see cref="PublishedRuleSets"/>).</summary>
internal sealed record RuleSetLabels(IReadOnlyDictionary<string, string> Grades, IReadOnlyDictionary<string, string> Awards, IReadOnlyDictionary<string, string> Indicators)
{
    public static RuleSetLabels From(RuleSet ruleSet) => new(
        Titles(ruleSet.Grades.Select(g => (g.Id, g.Title))),
        Titles(ruleSet.Awards.Select(a => (a.Id, a.Title))),
        Titles(ruleSet.Indicators.Select(i => (i.Id, i.Title))));

    public string Grade(string id) => Grades.TryGetValue(id, out var title) ? title : id;

    public string? Award(string? id) => id is null ? null : Awards.TryGetValue(id, out var title) ? title : id;

    // The last of a repeated id wins, as it did when the titles were read from the JSON.
    private static Dictionary<string, string> Titles(IEnumerable<(string Id, string Title)> items)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, title) in items)
        {
            titles[id] = title;
        }

        return titles;
    }
}
