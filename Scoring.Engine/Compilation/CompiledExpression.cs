using System.Collections.Immutable;

namespace Scoring.Engine.Compilation;

/// <summary>
/// An expression compiled once per rule set: a delegate over a <see cref="ValueRow"/> (number or boolean), the
/// slots it requires (missing → the criterion is "not submitted") and every slot it reads (for explanations).
/// </summary>
internal sealed class CompiledExpression
{
    public required string Text { get; init; }

    private Func<ValueRow, decimal>? number;
    private Func<ValueRow, bool>? boolean;

    /// <summary>
    /// The number form, compiled on first use: Score's per-unit points come from the kernel, so most criteria's delegates
    /// are needed only to explain (or for group methods, grades and awards). Compiling lazily keeps a rule set's compile short.
    /// </summary>
    public System.Linq.Expressions.Expression<Func<ValueRow, decimal>>? NumberLambda { get; init; }

    /// <summary>The boolean form, compiled on first use (see <see cref="NumberLambda"/>).</summary>
    public System.Linq.Expressions.Expression<Func<ValueRow, bool>>? BooleanLambda { get; init; }

    public Func<ValueRow, decimal>? Number => number ??= NumberLambda?.Compile();

    public Func<ValueRow, bool>? Boolean => boolean ??= BooleanLambda?.Compile();

    public required ImmutableArray<int> RequiredSlots { get; init; }

    public required ImmutableArray<int> ReadSlots { get; init; }

    /// <summary>Every slot the compiled delegate can read (recorded while translating): its result depends on these alone.</summary>
    public required ImmutableArray<int> TouchedSlots { get; init; }

    /// <summary>The indicator id when the expression is just that identifier (reasons then use its title).</summary>
    public string? BareIdentifier { get; init; }

    /// <summary>The indicator's slot when the expression is just that identifier, else -1.</summary>
    public int BareSlot { get; init; } = -1;

    /// <summary>The constant when the expression is a number literal.</summary>
    public decimal? Constant { get; init; }

    /// <summary>The translated tree and its row parameter, kept to build the tracing form on first use (explanations).</summary>
    public System.Linq.Expressions.Expression? Body { get; init; }

    /// <inheritdoc cref="Body"/>
    public System.Linq.Expressions.ParameterExpression? RowParameter { get; init; }

    /// <summary>Whether the value is a rate (a quotient of two inputs, or derived from one), shown as a percentage.</summary>
    public bool IsRate => Tracer.IsRate;

    /// <summary>The tracing form of this expression (built and compiled on first use).</summary>
    public Evaluation.ExpressionTracer Tracer =>
        LazyInitializer.EnsureInitialized(ref tracer, () => new Evaluation.ExpressionTracer(Body!, RowParameter!));

    private Evaluation.ExpressionTracer? tracer;

    public decimal EvaluateNumber(ValueRow row) => Number!(row);

    public bool EvaluateBoolean(ValueRow row) => Boolean!(row);

    /// <summary>The first required slot without a value, or -1.</summary>
    public int FirstMissing(ValueRow row)
    {
        foreach (var slot in RequiredSlots)
        {
            if (!row.Present[slot])
            {
                return slot;
            }
        }
        return -1;
    }
}
