using System.Collections.Immutable;

namespace Scoring.Engine.Reviews;

/// <summary>
/// A unit's phase result in one ranking. Rank null: not ranked (dissolved, or fewer yearly results than the phase's
/// <c>minYears</c>; <see cref="Notes"/> says which). <see cref="Grade"/> is the phase grade (null without <c>gradeBy</c>).
/// </summary>
public sealed record PhaseUnitResult(
    string Code,
    string Name,
    string Group,
    int? Rank,
    bool Tied,
    int YearsScored,
    ImmutableArray<PhaseMeasureValue> Measures,
    string? Grade,
    string? GradeTitle,
    ImmutableArray<PhaseYearValue> Years,
    string? Award,
    ImmutableArray<string> Notes);
