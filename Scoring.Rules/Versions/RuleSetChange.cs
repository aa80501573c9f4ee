namespace Scoring.Rules.Versions;

/// <summary>
/// One difference between two rule sets. For Added and Removed, Field is null and the values summarise the element;
/// for Changed, Field names what changed (a JSON property such as "maxPoints", or "bands[1]") with old and new text.
/// </summary>
public sealed record RuleSetChange(
    RuleSetChangeKind Kind,
    RuleSetElement Element,
    string Id,
    string? Field,
    string? OldValue,
    string? NewValue);
