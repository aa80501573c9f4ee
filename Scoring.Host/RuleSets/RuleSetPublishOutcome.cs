namespace Scoring.Host.RuleSets;

/// <summary>A publication's outcome: the stored version (created or already there), or why not (Vietnamese), with the intake's diagnostics.</summary>
internal sealed record RuleSetPublishOutcome(RuleSetPublishStatus Status, RuleSetVersion? Version, string? Problem, RuleSetIntakeResult Intake);
