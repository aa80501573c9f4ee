namespace Scoring.Rules.Model;

/// <summary>Value against a target (constant or per-unit expression): min(value / target, 1) × max, or target / value when lower is better.</summary>
public sealed record TargetMethod(string Value, string Target, bool LowerIsBetter) : CriterionMethod
{
    public override string Name => "target";
}
