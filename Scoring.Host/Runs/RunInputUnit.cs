namespace Scoring.Host.Runs;

/// <summary>A unit's values for the run (indicator → text, sorted); authoritative imports already override self-reported values.</summary>
internal sealed record RunInputUnit(string Code, string Name, string Kind, bool Dissolved, string? ValidTo, SortedDictionary<string, string> Values);
