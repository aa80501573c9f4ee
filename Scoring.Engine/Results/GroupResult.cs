using System.Collections.Immutable;

namespace Scoring.Engine.Results;

/// <summary>A group's ranked list (rank order; tied units in a stable order by code).</summary>
public sealed record GroupResult(string Code, string Name, string Kind, ImmutableArray<UnitScore> Ranking);
