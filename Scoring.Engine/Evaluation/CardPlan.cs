using System.Collections.Immutable;
using Scoring.Engine.Compilation;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// Where each section's criteria, the bonus and the penalty are among the criteria (consecutive in rule-set order):
/// computed once per rule set for <see cref="CardBuilder"/>.
/// </summary>
internal sealed class CardPlan
{
    public CardPlan(ImmutableArray<CompiledCriterion> criteria, int sections)
    {
        Sections = [.. Enumerable.Range(0, sections).Select(s => RangeOf(criteria, c => c.SectionIndex == s))];
        Bonus = RangeOf(criteria, c => c.Part == CriterionPart.Bonus);
        Penalty = RangeOf(criteria, c => c.Part == CriterionPart.Penalty);
        HasGroupCriteria = criteria.Any(c => c.NeedsGroup);
    }

    public (int Start, int Count)[] Sections { get; }

    public (int Start, int Count) Bonus { get; }

    public (int Start, int Count) Penalty { get; }

    public bool HasGroupCriteria { get; }

    private static (int Start, int Count) RangeOf(ImmutableArray<CompiledCriterion> criteria, Func<CompiledCriterion, bool> member)
    {
        var indices = criteria.Where(member).Select(c => c.Index).ToArray();
        if (indices.Length == 0)
        {
            return (0, 0);
        }
        if (indices[^1] - indices[0] + 1 != indices.Length)
        {
            throw new InvalidOperationException("A part's criteria are not consecutive in rule-set order.");
        }
        return (indices[0], indices.Length);
    }
}
