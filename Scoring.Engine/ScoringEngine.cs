using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine;

/// <summary>The engine's facade: compile a rule set once, then score requests. Pure: no I/O, no clock, no globals.</summary>
public static class ScoringEngine
{
    public static CompiledRuleSet Compile(RuleSet ruleSet, RuleSetIdentity identity) =>
        new() { RuleSet = ruleSet, Identity = identity };

    public static ScoringResult Score(ScoringRequest request) =>
        throw new NotSupportedException("The engine is being written.");
}
