using System.Collections.Immutable;
using NodaTime;

namespace Scoring.Engine.Results;

/// <summary>
/// Why a criterion scored what it did, as data: the outcome code, the inputs (exact decimals tied to their indicators)
/// and what the method needs to explain itself. Prose is rendered from it at the edge (<see cref="Text.ExplanationRenderer"/>).
/// Fields that do not apply to the method or outcome are null.
/// </summary>
public sealed record CriterionExplanation
{
    /// <summary>The criterion's method: bands, target, check, count, deadline, expression, relative, rank.</summary>
    public required string Method { get; init; }

    /// <summary>
    /// Machine-readable outcome: "band:N", "band:none", "target", "no-target", "pass", "fail", "count:N", "expression",
    /// "on-time", "late:Nd", "relative:below|at|above|leader|no-target", "relative", "rank:N", "missing", "error".
    /// </summary>
    public required string Outcome { get; init; }

    /// <summary>The indicators the criterion read, in operand order.</summary>
    public ImmutableArray<UsedValue> Values { get; init; } = [];

    /// <summary>What the value operand is: an indicator's title or the expression's text (see <see cref="LabelIsFormula"/>).</summary>
    public string? Label { get; init; }

    /// <summary>The label is an expression's text, not an indicator's title.</summary>
    public bool LabelIsFormula { get; init; }

    /// <summary>How the operand's value reads: 'n' a number, 'p' a rate (a percentage), '%' already in percent (0–100).</summary>
    public char ValueFormat { get; init; } = 'n';

    /// <summary>The value operand's exact value (band value, achieved value, count, the formula's raw result, the ranked value).</summary>
    public decimal? Value { get; init; }

    /// <summary>Bands: the row that applied (null with outcome band:none).</summary>
    public BandBounds? Band { get; init; }

    /// <summary>Target and relative: the target.</summary>
    public decimal? Target { get; init; }

    /// <summary>Target and relative: value ÷ target (target ÷ value when lower is better), exact.</summary>
    public decimal? Ratio { get; init; }

    /// <summary>Target: lower values are better.</summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>Count: points per item; the cap is the criterion's maximum.</summary>
    public decimal? PointsEach { get; init; }

    /// <summary>Count and expression: the result before rounding and clamping to [0, max].</summary>
    public decimal? Raw { get; init; }

    /// <summary>Check: the condition's text, when it is not a single yes/no indicator.</summary>
    public string? Condition { get; init; }

    /// <summary>Deadline: the date submitted and the due date.</summary>
    [IsoDateJson]
    public LocalDate? Submitted { get; init; }

    /// <inheritdoc cref="Submitted"/>
    [IsoDateJson]
    public LocalDate? Due { get; init; }

    /// <summary>Deadline: days late, and weeks late when the deduction is per week.</summary>
    public int? DaysLate { get; init; }

    /// <inheritdoc cref="DaysLate"/>
    public int? WeeksLate { get; init; }

    /// <summary>Deadline: points deducted per day or week, and the floor.</summary>
    public decimal? Deduction { get; init; }

    /// <inheritdoc cref="Deduction"/>
    public decimal? Floor { get; init; }

    /// <summary>Relative without a target: the best value in the group (or among units without a target).</summary>
    public decimal? GroupBest { get; init; }

    /// <summary>Relative with a target: the best ratio above 1 in the group, if any unit exceeded its target.</summary>
    public decimal? LeaderRatio { get; init; }

    /// <summary>Relative and rank: "cụm" or "khối".</summary>
    public string? GroupNoun { get; init; }

    /// <summary>Rank: the position (standard competition ranking), how many were ranked, and whether it is shared.</summary>
    public int? Rank { get; init; }

    /// <inheritdoc cref="Rank"/>
    public int? Ranked { get; init; }

    /// <inheritdoc cref="Rank"/>
    public bool Tied { get; init; }

    /// <summary>Expression (and a computed band, target or count operand): the operations evaluated, in order.</summary>
    public ImmutableArray<ExpressionStep> Steps { get; init; } = [];

    /// <summary>Missing: the indicator not submitted (id).</summary>
    public string? MissingIndicator { get; init; }

    /// <summary>Error: what went wrong (Vietnamese).</summary>
    public string? Error { get; init; }

    /// <summary>
    /// A card stored before explanations were data: the reason as it was written then, shown as it is (with
    /// <see cref="Method"/> empty and only <see cref="Outcome"/> and <see cref="Values"/> beside it). Null for every result
    /// the engine computes, and then not written.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? StoredReason { get; init; }

    /// <summary>The rule set's precision (decimals of points and of percentages); not part of the stored form.</summary>
    public int Precision { get; init; } = 2;
}
