using System.Collections.Immutable;
using Scoring.Engine.Compilation;
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

    /// <summary>The rule set as loaded.</summary>
    public required RuleSet RuleSet { get; init; }

    /// <summary>Id, version and SHA-256 of the rule set; every result carries it.</summary>
    public required RuleSetIdentity Identity { get; init; }

    internal RowLayout Layout => Parts.Layout;

    /// <summary>Every criterion in <see cref="RuleSet.AllCriteria"/> order.</summary>
    internal ImmutableArray<CompiledCriterion> Criteria => Parts.Criteria;

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
