using Scoring.Engine.Evaluation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine;

/// <summary>The engine's facade: compile a rule set once, then score requests. Pure: no I/O, no clock, no globals.</summary>
public static class ScoringEngine
{
    /// <summary>
    /// Compiles every expression of <paramref name="ruleSet"/> (decimal mode). Reuse the result for every request
    /// with the same rule-set hash (see <see cref="CompiledRuleSetCache"/>).
    /// </summary>
    /// <exception cref="Compilation.RuleSetCompilationException">An expression cannot be compiled; the message lists each with its JSON path.</exception>
    public static CompiledRuleSet Compile(RuleSet ruleSet, RuleSetIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(identity);
        return new CompiledRuleSet { RuleSet = ruleSet, Identity = identity }.EnsureCompiled();
    }

    /// <summary>
    /// Scores every unit of the request: per-unit pass, group pass, bonus/penalty caps, total clamp, grade, rank in
    /// group with tie-breakers, award proposals. The result depends only on the request (not on the order of its
    /// units or groups) and serialises byte-identically with <see cref="ResultJson"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The year is outside the rule set's years, or a unit or group code appears twice.</exception>
    public static ScoringResult Score(ScoringRequest request) => RequestScorer.Score(request);
}
