using Scoring.Rules.Model;

namespace Scoring.Engine.Compilation;

/// <summary>A criterion with its operands compiled. <see cref="Index"/> is its position in <see cref="RuleSet.AllCriteria"/>.</summary>
internal sealed class CompiledCriterion
{
    public required Criterion Criterion { get; init; }

    public required int Index { get; init; }

    public required CriterionPart Part { get; init; }

    /// <summary>The section index for section criteria, else -1.</summary>
    public required int SectionIndex { get; init; }

    /// <summary>The "value" operand (bands, target, relative, rank, count) or the formula (expression).</summary>
    public CompiledExpression? Value { get; init; }

    /// <summary>The target operand (target, relative with a target).</summary>
    public CompiledExpression? Target { get; init; }

    /// <summary>The condition (check).</summary>
    public CompiledExpression? Condition { get; init; }

    /// <summary>The date indicator's slot (deadline), else -1.</summary>
    public int DateSlot { get; init; } = -1;

    public bool NeedsGroup => Criterion.Method.NeedsGroup;
}
