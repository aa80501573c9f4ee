using System.Collections.Immutable;

namespace Scoring.Host.Pipeline;

/// <summary>One year of a <see cref="ScoringInput"/>: its groups (in order) and each unit's typed values by indicator.</summary>
internal sealed record InputYear(int Year, ImmutableArray<InputGroup> Groups, ImmutableDictionary<string, ImmutableDictionary<string, InputValue>> Values)
{
    public ImmutableDictionary<string, InputValue> ValuesOf(string unit) =>
        Values.TryGetValue(unit, out var values) ? values : ImmutableDictionary<string, InputValue>.Empty;
}
