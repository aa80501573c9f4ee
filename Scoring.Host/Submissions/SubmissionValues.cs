namespace Scoring.Host.Submissions;

/// <summary>The body of a create or revise: indicator id → value ("12.5", "true", "2025-10-01").</summary>
public sealed record SubmissionValues(Dictionary<string, string> Values);
