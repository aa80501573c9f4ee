using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Model;

/// <summary>
/// A rule set compiled for evaluation (expressions turned into delegates). Build once per rule-set hash
/// with <see cref="ScoringEngine.Compile"/> and reuse; it is immutable and thread-safe.
/// </summary>
public sealed partial class CompiledRuleSet
{
    public required RuleSet RuleSet { get; init; }

    public required RuleSetIdentity Identity { get; init; }
}
