namespace Scoring.Host.Submissions;

public sealed record RevisionDto(int Number, string CreatedAt, string CreatedBy, IReadOnlyDictionary<string, string> Values);
