namespace Scoring.Host.Apis.Contracts;

public sealed record ReviewComments(string Comments);
