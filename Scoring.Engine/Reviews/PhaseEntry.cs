using System.Collections.Immutable;
using Scoring.Engine.Model;

namespace Scoring.Engine.Reviews;

/// <summary>A unit's phase result in one group, with what ranking and award allocation need.</summary>
/// <param name="Key">The rankBy measures' values, in rankBy order (higher is better).</param>
/// <param name="Values">Every measure by id.</param>
internal sealed record PhaseEntry(
    PhaseUnitResult Result,
    PhaseUnit Unit,
    GroupRecord Group,
    decimal[] Key,
    ImmutableDictionary<string, decimal> Values,
    decimal? GradedValue,
    int GroupSize)
{
    public bool Ranked => Result.Rank is not null;
}
