using System.Collections.Immutable;

namespace Scoring.Engine.Results;

/// <summary>
/// One unit's card: total = clamp(base + min(bonus, cap) − min(penalty, cap)), grade, rank in its group
/// (Tied = shares the rank), every section and criterion, and the award proposed, if any.
/// </summary>
public sealed record UnitScore(
    string Code,
    string Name,
    string Group,
    int Rank,
    bool Tied,
    decimal Total,
    decimal BasePoints,
    decimal Bonus,
    decimal Penalty,
    string Grade,
    string GradeTitle,
    ImmutableArray<SectionScore> Sections,
    CriterionList BonusCriteria,
    CriterionList PenaltyCriteria,
    string? Award,
    ImmutableArray<string> Notes);
