namespace Scoring.Host.Reviews;

/// <summary>A yearly run a review counted: the year, the rule set's identity and the inputs hash that pin it.</summary>
internal sealed record YearSource(int Year, string RuleSetId, string Version, string Sha256, string InputsHash);
