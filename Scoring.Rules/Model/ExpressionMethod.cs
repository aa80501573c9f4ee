namespace Scoring.Rules.Model;

/// <summary>A C#-syntax formula over the indicators; the result is clamped to [0, max].</summary>
public sealed record ExpressionMethod(string Formula) : CriterionMethod
{
    public override string Name => "expression";
}
