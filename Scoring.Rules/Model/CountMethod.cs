namespace Scoring.Rules.Model;

/// <summary>Points per occurrence, capped at the criterion's max.</summary>
public sealed record CountMethod(string Value, decimal PointsEach) : CriterionMethod
{
    public override string Name => "count";
}
