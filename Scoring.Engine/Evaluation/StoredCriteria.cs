using Scoring.Engine.Results;

namespace Scoring.Engine.Evaluation;

/// <summary>Criterion scores already built (read from JSON, or made by a caller).</summary>
internal sealed class StoredCriteria(CriterionScore[] items) : CriterionSource
{
    public override CriterionScore Get(int index) => items[index];

    public override decimal PointsAt(int index) => items[index].Points;

    public override string IdAt(int index) => items[index].Id;
}
