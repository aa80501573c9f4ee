using System.Collections.Immutable;
using Scoring.Engine.Compilation;
using Scoring.Engine.Evaluation;
using Scoring.Rules.Model;
using Scoring.Rules.Versions;

namespace Scoring.Engine.Model;

/// <summary>
/// A rule set compiled for evaluation (expressions turned into delegates). Build once per rule-set hash
/// with <see cref="ScoringEngine.Compile"/> and reuse; it is immutable and thread-safe.
/// </summary>
public sealed partial class CompiledRuleSet
{
    private CompiledParts? parts;
    private ScoreFactory[]? factories;
    private CardPlan? cardPlan;

    /// <summary>The rule set as loaded.</summary>
    public required RuleSet RuleSet { get; init; }

    /// <summary>Id, version and SHA-256 of the rule set; every result carries it.</summary>
    public required RuleSetIdentity Identity { get; init; }

    internal RowLayout Layout => Parts.Layout;

    /// <summary>Every criterion in <see cref="RuleSet.AllCriteria"/> order.</summary>
    internal ImmutableArray<CompiledCriterion> Criteria => Parts.Criteria;

    /// <summary>One score factory per criterion (texts computed once per rule set), in <see cref="Criteria"/> order.</summary>
    internal ScoreFactory[] Factories =>
        LazyInitializer.EnsureInitialized(ref factories, () => [.. Criteria.Select(c => new ScoreFactory(this, c))]);

    internal CardPlan CardPlan =>
        LazyInitializer.EnsureInitialized(ref cardPlan, () => new CardPlan(Criteria, RuleSet.Sections.Length));

    internal ImmutableArray<CompiledGrade> Grades => Parts.Grades;

    internal ImmutableArray<CompiledAward> Awards => Parts.Awards;

    /// <summary>Compiles now (idempotent, thread-safe); throws <see cref="RuleSetCompilationException"/> on expression errors.</summary>
    internal CompiledRuleSet EnsureCompiled()
    {
        _ = Parts;
        return this;
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
