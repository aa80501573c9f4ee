namespace Scoring.Rules.Model;

/// <summary>
/// Relative to the group. Without a target: max × value / best value in the group.
/// With a per-unit target (the "Điều 6" practice): below target 0.5·max·A/T; at target 0.5·max;
/// the group's best over-target ratio L gets max; others over target 0.5·max + 0.5·max·(A/T − 1)/(L − 1).
/// Units without an assigned target are scored pro rata against the best of that subgroup.
/// </summary>
public sealed record RelativeMethod(string Value, string? Target) : CriterionMethod
{
    public override string Name => "relative";

    public override bool NeedsGroup => true;
}
