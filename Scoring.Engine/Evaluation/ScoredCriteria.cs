using System.Diagnostics;
using Scoring.Engine.Results;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// The criteria of a scored unit in one group: per-unit criteria from the pass's tables, group criteria (relative,
/// rank) from the group pass. A criterion's record and explanation are built when read (<see cref="Explainer"/>).
/// </summary>
internal sealed class ScoredCriteria(ScoredUnit unit, (decimal Points, CriterionExplanation Explanation)[]? group) : CriterionSource
{
    public ScoredUnit Unit => unit;

    public override decimal PointsAt(int index) =>
        unit.Pass.Ruleset.Criteria[index].NeedsGroup ? group![index].Points : unit.PointsOf(index);

    public override string IdAt(int index) => unit.Pass.Ruleset.Criteria[index].Criterion.Id;

    public override CriterionScore Get(int index)
    {
        var ruleSet = unit.Pass.Ruleset;
        var criterion = ruleSet.Criteria[index];
        decimal points;
        CriterionExplanation explanation;
        if (criterion.NeedsGroup)
        {
            (points, explanation) = group![index];
        }
        else
        {
            (var exact, explanation) = Explainer.Explain(ruleSet, criterion, unit.Row, unit.Pass.Year);
            points = unit.PointsOf(index);
            Debug.Assert(exact == points, $"{criterion.Criterion.Id}: the explanation's points {exact} differ from the scoring pass's {points}.");
        }
        return new CriterionScore(criterion.Criterion.Id, criterion.Criterion.Title, points, criterion.Criterion.MaxPoints, explanation);
    }
}
