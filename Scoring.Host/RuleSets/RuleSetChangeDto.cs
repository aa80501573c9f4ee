namespace Scoring.Host.RuleSets;

/// <summary>
/// One difference between two rule-set versions. <c>kind</c>: added, removed, changed; <c>element</c>: the kind of element
/// (criterion, section, award, grade, …); <c>field</c> names what changed (null for added/removed) with old and new text.
/// </summary>
public sealed record RuleSetChangeDto(string Kind, string Element, string Id, string? Field, string? OldValue, string? NewValue);
