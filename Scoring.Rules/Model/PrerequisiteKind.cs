namespace Scoring.Rules.Model;

public enum PrerequisiteKind
{
    QualifiesFor,
    GradeInPreviousYears,
    AwardInPreviousYears,

    /// <summary>Phase awards only: at least <see cref="AwardPrerequisite.Years"/> years of the phase with one of the grades.</summary>
    YearsAtGrade,
}
