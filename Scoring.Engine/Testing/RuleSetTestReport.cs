using System.Collections.Immutable;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Testing;

/// <summary>The outcome of running a rule set's own tests.</summary>
public sealed record RuleSetTestReport(RuleSetIdentity RuleSet, ImmutableArray<RuleSetTestResult> Results)
{
    /// <summary>True when every test passed (also when there are none).</summary>
    public bool Passed => Results.All(r => r.Passed);

    /// <summary>Number of passing tests.</summary>
    public int PassedCount => Results.Count(r => r.Passed);

    /// <summary>Number of failing tests.</summary>
    public int FailedCount => Results.Count(r => !r.Passed);
}
