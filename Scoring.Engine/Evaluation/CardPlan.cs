using System.Collections.Immutable;
using Scoring.Engine.Compilation;

namespace Scoring.Engine.Evaluation;

/// <summary>Which criteria (by index) make up each section, the bonus and the penalty: computed once per rule set for <see cref="CardBuilder"/>.</summary>
internal sealed class CardPlan
{
    public CardPlan(ImmutableArray<CompiledCriterion> criteria, int sections)
    {
        Sections = [.. Enumerable.Range(0, sections).Select(s => criteria.Where(c => c.SectionIndex == s).Select(c => c.Index).ToArray())];
        Bonus = [.. criteria.Where(c => c.Part == CriterionPart.Bonus).Select(c => c.Index)];
        Penalty = [.. criteria.Where(c => c.Part == CriterionPart.Penalty).Select(c => c.Index)];
    }

    public int[][] Sections { get; }

    public int[] Bonus { get; }

    public int[] Penalty { get; }
}
