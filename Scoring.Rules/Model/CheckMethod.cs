namespace Scoring.Rules.Model;

/// <summary>Pass/fail: Points (default: the criterion's max) when the condition holds, else 0.</summary>
public sealed record CheckMethod(string Condition, decimal? Points) : CriterionMethod
{
    public override string Name => "check";
}
