using System.Collections.Immutable;

namespace Scoring.Engine.Reviews;

/// <summary>A cluster's or bloc's phase ranking (ranked units in rank order, then the unranked by code).</summary>
public sealed record PhaseGroupResult(string Code, string Name, string Kind, ImmutableArray<PhaseUnitResult> Ranking);
