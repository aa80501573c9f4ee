using System.Collections.Immutable;

namespace Scoring.Rules.Model;

/// <summary>
/// A test case shipped inside the rule set: a unit's values (and optional peers, for group methods) and what
/// the engine must give. Expected criterion points are keyed by criterion id.
/// </summary>
public sealed record RuleSetTestCase(
    string Name,
    int Year,
    ImmutableDictionary<string, IndicatorValue> Values,
    ImmutableArray<TestPeer> Peers,
    ImmutableDictionary<string, decimal> ExpectedCriteria,
    decimal? ExpectedTotal,
    string? ExpectedGrade,
    string Path);
