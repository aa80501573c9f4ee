using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>
/// A condition that needs more than this year's score.
/// QualifiesFor: the unit meets the standard of another award this year (Award).
/// GradeInPreviousYears: the unit had one of Grades in each of the Years previous years.
/// AwardInPreviousYears: the unit received Award in at least one of the Years previous years (in a phase award: the
/// Years years ending with the review year).
/// YearsAtGrade (phase awards only): at least Years years of the phase with one of Grades.
/// </summary>
public sealed record AwardPrerequisite(PrerequisiteKind Kind, string? Award, ImmutableArray<string> Grades, int Years, string Path);
