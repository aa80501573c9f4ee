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
    /// <remarks>
    /// <para>Policies the rule-set format leaves open:</para>
    /// <list type="bullet">
    /// <item>A required indicator without a value (and without a declared default) scores the criterion 0, outcome
    /// "missing"; <c>x ?? fallback</c> operands are optional. A run-time failure (division by zero, overflow) scores 0,
    /// outcome "error"; it never fails the run.</item>
    /// <item><c>target</c>: a missing or non-positive per-unit target scores 0 with outcome "no-target".
    /// <c>relative</c> with a target: units whose target is missing or ≤ 0 form the "no target" subgroup, scored
    /// max × value / the subgroup's best value (0 when that best is ≤ 0).</item>
    /// <item><c>rank</c>: standard competition ranking (1, 2, 2, 4); units without a value are not ranked and get 0.</item>
    /// <item>Each criterion is rounded to the rule set's precision (half away from zero) and clamped to [0, max];
    /// sections are capped at their max, bonus and penalty at their caps, the total clamped to the rule set's limits.</item>
    /// <item>Units of a kind the rule set does not cover, group members missing from the units, and units in no group
    /// are not ranked; <see cref="ScoringResult.Notes"/> says so. A unit listed in several groups is ranked in each
    /// and receives at most one award.</item>
    /// <item>Award proposals: see <c>Awards/AwardAllocator</c> (ties at a quota's cut are all proposed, flagged
    /// <see cref="AwardProposal.TieAtCut"/>, for the council to vote).</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentException">The year is outside the rule set's years, or a unit or group code appears twice.</exception>
    public static ScoringResult Score(ScoringRequest request) => RequestScorer.Score(request);
}
