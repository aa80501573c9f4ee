using Scoring.Engine.Compilation;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// One sensitivity sample's points: every per-unit criterion's points given per unit (<see cref="UnitPoints"/>, by
/// unit index then criterion index), group criteria scaled by their factor, section caps and the total's upper limit
/// moved with the criteria's maxima.
/// </summary>
internal sealed class Perturbation(decimal[][] unitPoints, decimal[] factors, decimal[] sectionMax, decimal totalMaxShift, int precision)
{
    public decimal[][] UnitPoints => unitPoints;

    public decimal[] SectionMax => sectionMax;

    public decimal TotalMaxShift => totalMaxShift;

    /// <summary>A group criterion's points in this sample: scaled by its factor and rounded as the engine rounds.</summary>
    public decimal Scale(CompiledCriterion criterion, decimal points) =>
        Text.Vn.Normalize(Math.Round(points * factors[criterion.Index], precision, MidpointRounding.AwayFromZero));
}
