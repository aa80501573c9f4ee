namespace Scoring.Host.Apis.Contracts;

public sealed record RevisionDto(int Number, string CreatedAt, string CreatedBy, IReadOnlyDictionary<string, string> Values);
