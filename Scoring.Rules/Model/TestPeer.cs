using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>Another member of the test unit's group.</summary>
public sealed record TestPeer(string Code, ImmutableDictionary<string, IndicatorValue> Values);
