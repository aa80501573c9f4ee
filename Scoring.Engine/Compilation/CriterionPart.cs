namespace Scoring.Engine.Compilation;

/// <summary>Where a criterion's points go.</summary>
internal enum CriterionPart
{
    Section,
    Bonus,
    Penalty,
}
