namespace Scoring.Host.RuleSets;

/// <summary>A change to a criterion: <c>change</c> is added, removed or changed; <c>field</c> is null for added/removed.</summary>
public sealed record CriterionChangeDto(string Change, string Criterion, string? Field, string? OldValue, string? NewValue);
