using Scoring.Engine.Results;

namespace Scoring.Engine.Evaluation;

/// <summary>Where a <see cref="CriterionList"/> gets its criteria: stored records, or a unit's scored points and inputs.</summary>
internal abstract class CriterionSource
{
    public abstract CriterionScore Get(int index);

    public abstract decimal PointsAt(int index);

    public abstract string IdAt(int index);
}
