using Scoring.Rules.Model;

namespace Scoring.Rules.Versions;

/// <summary>
/// The one way a rule set is chosen for a tenant, year and kind of unit, shared by the command line, the yearly job, the
/// API and the pages. The version in force is chosen first: of each id, the highest version (by semantic-version
/// precedence, <see cref="SemanticVersion"/>: 2.0.0-rc1 &lt; 2.0.0) whose years, tenant and movement match; only then is
/// the kind of unit asked. A later version that drops a kind therefore stops that rule set from scoring the kind: an older
/// version is never brought back for it, because a run scores with one version per rule set (the one in force).
/// </summary>
public static class RuleSetSelection
{
    /// <summary>
    /// The version in force of each rule set among <paramref name="candidates"/>, kept when it scores the query's kind (if
    /// one is given), ordered by id (ordinal).
    /// More than one entry means different rule sets apply; the caller decides whether that is an error.
    /// </summary>
    /// <param name="ruleSetOf">The rule set a candidate holds (a loaded document, a stored version).</param>
    public static IReadOnlyList<T> Latest<T>(IEnumerable<T> candidates, Func<T, RuleSet> ruleSetOf, RuleSetQuery query)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(ruleSetOf);
        ArgumentNullException.ThrowIfNull(query);
        var inForce = query with { Kind = null };
        return candidates
            .Select(c => (Candidate: c, RuleSet: ruleSetOf(c)))
            .Where(c => inForce.Matches(c.RuleSet))
            .GroupBy(c => c.RuleSet.Id, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(c => c.RuleSet.Version, SemanticVersion.StringComparer).First())
            .Where(c => query.Matches(c.RuleSet))
            .OrderBy(c => c.RuleSet.Id, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .ToList();
    }

    /// <summary>Of the versions of one rule set, the one in force when it applies to the query's kind; null when none does.</summary>
    public static T? LatestVersion<T>(IEnumerable<T> versions, Func<T, RuleSet> ruleSetOf, RuleSetQuery query)
        where T : class =>
        Latest(versions, ruleSetOf, query).FirstOrDefault();
}
