using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>
/// A phase of the movement (giai đoạn) and its review (sơ kết, tổng kết) in the phase's last year: per unit, the
/// <see cref="Measures"/> are computed from the phase's yearly results, units are ranked by <see cref="RankBy"/>
/// and the phase's own <see cref="Awards"/> are allocated with the same rules as yearly awards.
/// </summary>
/// <param name="Id">How users name the phase, e.g. "2025-2027" (the command line's <c>--phase</c>).</param>
/// <param name="Years">The yearly results the review counts; the review is held in <c>Years.To</c>.</param>
/// <param name="RankBy">Measure ids, the first deciding and each next one breaking ties (all highest first).</param>
/// <param name="GradeBy">Optional id of a <c>meanTotal</c> measure graded with the rule set's grade bands (the phase grade).</param>
/// <param name="MinYears">Fewest yearly results a unit needs to be ranked and proposed (the policy for units without history).</param>
public sealed record Phase(
    string Id,
    string Title,
    YearRange Years,
    ImmutableArray<PhaseMeasure> Measures,
    ImmutableArray<string> RankBy,
    string? GradeBy,
    int MinYears,
    ImmutableArray<AwardRule> Awards,
    string Path)
{
    /// <summary>The year of the review (sơ kết or tổng kết): the phase's last year.</summary>
    public int ReviewYear => Years.To;
}
