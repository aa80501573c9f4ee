using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>
/// One rule set (format v1): the criteria one kind of subject is scored against for a range of years.
/// Immutable once published; identified by <see cref="Id"/> + <see cref="Version"/> + the SHA-256 of its canonical JSON.
/// </summary>
public sealed record RuleSet(
    int FormatVersion,
    string Id,
    string Version,
    string Title,
    string Tenant,
    string Movement,
    string? Source,
    YearRange Years,
    ImmutableArray<UnitKind> UnitKinds,
    int Precision,
    ImmutableArray<IndicatorDefinition> Indicators,
    ImmutableArray<Section> Sections,
    Adjustment Bonus,
    Adjustment Penalty,
    TotalLimits Total,
    ImmutableArray<GradeBand> Grades,
    ImmutableArray<TieBreaker> TieBreakers,
    ImmutableArray<AwardRule> Awards,
    ImmutableArray<RuleSetTestCase> Tests)
{
    /// <summary>The movement's phases and what their reviews count (optional; absent in rule sets before phases existed).</summary>
    public ImmutableArray<Phase> Phases { get; init; } = [];

    /// <summary>Sum of the sections' maximum points (the base, usually 100).</summary>
    public decimal BasePoints => Sections.Sum(s => s.MaxPoints);

    /// <summary>Every criterion in evaluation order: sections first, then bonus, then penalty.</summary>
    public IEnumerable<Criterion> AllCriteria =>
        Sections.SelectMany(s => s.Criteria).Concat(Bonus.Criteria).Concat(Penalty.Criteria);
}
