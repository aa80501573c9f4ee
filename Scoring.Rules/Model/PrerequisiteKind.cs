using System.Collections.Immutable;

namespace Scoring.Rules.Model;

public enum PrerequisiteKind
{
    QualifiesFor,
    GradeInPreviousYears,
    AwardInPreviousYears,
}
