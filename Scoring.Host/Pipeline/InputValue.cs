using Scoring.Rules.Model;

namespace Scoring.Host.Pipeline;

/// <summary>A typed indicator value and where it came from, for messages ("submissions-2025.csv:12", an import batch, a unit's report).</summary>
internal sealed record InputValue(IndicatorValue Value, string Source);
