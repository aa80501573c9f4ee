using System.Collections.Immutable;
using Scoring.Engine.Results;

namespace Scoring.Engine.Testing;

/// <summary>The outcome of one test case of a rule set: every mismatch, and the unit's card when scoring ran.</summary>
public sealed record RuleSetTestResult(string Name, string Path, ImmutableArray<RuleSetTestMismatch> Mismatches, UnitScore? Card)
{
    /// <summary>True when nothing differs.</summary>
    public bool Passed => Mismatches.IsEmpty;
}
