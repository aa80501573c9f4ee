using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>
/// An award (Cờ thi đua, Bằng khen, Giấy khen...). Awards are allocated in descending <see cref="Precedence"/>;
/// a unit receives at most one award per year, the highest it qualifies for. Dissolved units are never proposed.
/// </summary>
/// <param name="Years">Years the award is given in; empty means every year of the rule set.</param>
/// <param name="Grades">Grades that qualify; empty means any grade.</param>
/// <param name="MaxRank">Best rank in group needed (1 = the leader); null means any.</param>
/// <param name="Eligibility">Optional expression over total, rank, groupSize and the indicators.</param>
/// <param name="Authority">Who gives the form (and in which tenant); null when the rule set does not say (format v1 before catalog 2.1.0).</param>
/// <param name="WithoutHistory">What the history prerequisites do for a year the unit has no result for (`withoutHistory`).</param>
public sealed record AwardRule(
    string Id,
    string Title,
    int Precedence,
    ImmutableArray<int> Years,
    decimal? MinTotal,
    ImmutableArray<string> Grades,
    int? MaxRank,
    string? Eligibility,
    AwardQuota Quota,
    ImmutableArray<AwardPrerequisite> Prerequisites,
    string Path,
    AwardAuthority? Authority = null,
    HistoryPolicy WithoutHistory = HistoryPolicy.Barred);
