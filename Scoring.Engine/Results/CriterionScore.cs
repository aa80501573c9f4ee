using System.Collections.Immutable;

namespace Scoring.Engine.Results;

/// <summary>One criterion's outcome for one unit: the points and why, as data (<see cref="Explanation"/>).</summary>
public sealed record CriterionScore(string Id, string Title, decimal Points, decimal MaxPoints, CriterionExplanation Explanation)
{
    /// <summary>The outcome code (<see cref="CriterionExplanation.Outcome"/>).</summary>
    public string Outcome => Explanation.Outcome;

    /// <summary>The indicators read (<see cref="CriterionExplanation.Values"/>).</summary>
    public ImmutableArray<UsedValue> Values => Explanation.Values;
}
