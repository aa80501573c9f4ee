using Scoring.Rules.Model;

namespace Scoring.Host.DataFolder;

/// <summary>What the data reader needs to know about an indicator: its type and valid range.</summary>
internal sealed record IndicatorSpec(string Id, IndicatorType Type, decimal? Min, decimal? Max);
