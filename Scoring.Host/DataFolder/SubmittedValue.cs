using Scoring.Rules.Model;

namespace Scoring.Host.DataFolder;

/// <summary>One typed indicator value of a unit for a year, with its evidence and where it came from (file and line).</summary>
internal sealed record SubmittedValue(IndicatorValue Value, string? Evidence, string Source);
