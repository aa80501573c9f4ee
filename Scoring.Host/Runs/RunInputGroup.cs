namespace Scoring.Host.Runs;

internal sealed record RunInputGroup(string Code, string Name, string Kind, IReadOnlyList<string> Members);
