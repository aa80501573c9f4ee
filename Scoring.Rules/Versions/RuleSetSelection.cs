using Scoring.Rules.Model;

namespace Scoring.Rules.Versions;

/// <summary>
/// The one way a rule set is chosen for a tenant, year and kind of unit, shared by the command line, the yearly job, the
/// API and the pages: of every rule set that applies (<see cref="RuleSetQuery"/>), the highest version of each id by
/// semantic-version precedence (<see cref="SemanticVersion"/>: 2.0.0-rc1 &lt; 2.0.0).
/// </summary>
public static class RuleSetSelection
{
    /// <summary>
    /// The highest applicable version of each rule set among <paramref name="candidates"/>, ordered by id (ordinal).
    /// More than one entry means different rule sets apply; the caller decides whether that is an error.
    /// </summary>
    /// <param name="ruleSetOf">The rule set a candidate holds (a loaded document, a stored version).</param>
    public static IReadOnlyList<T> Latest<T>(IEnumerable<T> candidates, Func<T, RuleSet> ruleSetOf, RuleSetQuery query)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ruleSetOf);
        ArgumentNullException.ThrowIfNull(query);
        return candidates
            .Select(c => (Candidate: c, RuleSet: ruleSetOf(c)))
            .Where(c => query.Matches(c.RuleSet))
            .GroupBy(c => c.RuleSet.Id, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(c => c.RuleSet.Version, SemanticVersion.StringComparer).First())
            .OrderBy(c => c.RuleSet.Id, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .ToList();
    }

    /// <summary>Of the versions of one rule set, the highest that applies; null when none does.</summary>
    public static T? LatestVersion<T>(IEnumerable<T> versions, Func<T, RuleSet> ruleSetOf, RuleSetQuery query)
        where T : class =>
        Latest(versions, ruleSetOf, query).FirstOrDefault();
}
