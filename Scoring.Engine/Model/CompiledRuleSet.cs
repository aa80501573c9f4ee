using System.Collections.Concurrent;
using System.Collections.Immutable;
using Scoring.Engine.Compilation;
using Scoring.Engine.Evaluation;
using Scoring.Engine.Evaluation.Fast;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Model;

/// <summary>
/// A rule set compiled for evaluation (expressions turned into delegates). Build once per rule-set hash
/// with <see cref="ScoringEngine.Compile"/> and reuse; it is immutable and thread-safe.
/// </summary>
public sealed partial class CompiledRuleSet
{
    private readonly ConcurrentDictionary<int, PointsKernel> kernels = new();
    private CompiledParts? parts;
    private CardPlan? cardPlan;
    private int[][]? usedSlots;

    /// <summary>The rule set as loaded.</summary>
    public required RuleSet RuleSet { get; init; }

    /// <summary>Id, version and SHA-256 of the rule set; every result carries it.</summary>
    public required RuleSetIdentity Identity { get; init; }

    internal RowLayout Layout => Parts.Layout;

    /// <summary>Every criterion in <see cref="RuleSet.AllCriteria"/> order.</summary>
    internal ImmutableArray<CompiledCriterion> Criteria => Parts.Criteria;

    internal CardPlan CardPlan =>
        LazyInitializer.EnsureInitialized(ref cardPlan, () => new CardPlan(Criteria, RuleSet.Sections.Length));

    internal ImmutableArray<CompiledGrade> Grades => Parts.Grades;

    internal ImmutableArray<CompiledAward> Awards => Parts.Awards;

    /// <summary>
    /// The per-unit points kernel for a scoring year (deadlines are days of that year): the guarded double path with
    /// exact fallback. Compiled on first use per year.
    /// </summary>
    internal PointsKernel KernelFor(int year) => kernels.GetOrAdd(year, y => PointsKernel.Compile(this, y));

    /// <summary>The slots a criterion's explanation reports (its operands' indicators, or the deadline's date), in order.</summary>
    internal int[] UsedSlots(CompiledCriterion criterion)
    {
        var all = LazyInitializer.EnsureInitialized(ref usedSlots, () => [.. Criteria.Select(SlotsOf)]);
        return all[criterion.Index];
    }

    /// <summary>Compiles now (idempotent, thread-safe); throws <see cref="RuleSetCompilationException"/> on expression errors.</summary>
    internal CompiledRuleSet EnsureCompiled()
    {
        _ = Parts;
        return this;
    }

    private static int[] SlotsOf(CompiledCriterion criterion)
    {
        var slots = new List<int>();
        foreach (var expression in new[] { criterion.Value, criterion.Target, criterion.Condition })
        {
            if (expression is not null)
            {
                slots.AddRange(expression.ReadSlots.Where(s => !slots.Contains(s)));
            }
        }
        if (criterion.DateSlot >= 0)
        {
            slots.Add(criterion.DateSlot);
        }
        return [.. slots];
    }

    private CompiledParts Parts => LazyInitializer.EnsureInitialized(ref parts, () =>
    {
        var (layout, criteria, grades, awards) = RuleSetCompiler.Compile(RuleSet);
        return new CompiledParts(layout, criteria, grades, awards);
    });

    private sealed record CompiledParts(
        RowLayout Layout,
        ImmutableArray<CompiledCriterion> Criteria,
        ImmutableArray<CompiledGrade> Grades,
        ImmutableArray<CompiledAward> Awards);
}
