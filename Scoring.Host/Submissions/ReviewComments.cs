namespace Scoring.Host.Submissions;

public sealed record ReviewComments(string Comments);
