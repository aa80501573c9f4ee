namespace Scoring.Host.Submissions;

/// <summary>The body of a partial revision: indicator id → new value, or null to remove the indicator; others are kept.</summary>
public sealed record SubmissionChanges(Dictionary<string, string?> Values);
