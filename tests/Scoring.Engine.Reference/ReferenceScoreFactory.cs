using System.Collections.Immutable;
using NodaTime;
using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation.Reference;

/// <summary>Shared pieces of every method: rounding and clamping, the values used, labels, and the missing/error outcomes.</summary>
internal sealed class ReferenceScoreFactory(CompiledRuleSet ruleSet, CompiledCriterion criterion)
{
    public CompiledCriterion Compiled => criterion;

    public Criterion Criterion => criterion.Criterion;

    public decimal Max => criterion.Criterion.MaxPoints;

    /// <summary>Rounds to the rule set's precision (away from zero) and clamps to [0, max].</summary>
    public decimal Points(decimal raw)
    {
        var rounded = Math.Round(raw, ruleSet.RuleSet.Precision, MidpointRounding.AwayFromZero);
        return ReferenceVn.Normalize(Math.Clamp(rounded, 0m, Max));
    }

    /// <summary>A finished score; the reason gets "→ points/max điểm" appended.</summary>
    public CriterionScore Score(decimal points, ImmutableArray<UsedValue> values, string outcome, string explanation) =>
        new(Criterion.Id, Criterion.Title, points, Max, values, outcome, $"{explanation} → {ReferenceVn.Points(points, Max)}");

    /// <summary>0 points, outcome "missing": a required value was not submitted and has no default.</summary>
    public CriterionScore Missing(ImmutableArray<UsedValue> values, int slot) =>
        Score(0m, values, "missing", $"Chưa có số liệu: {Title(slot)}");

    /// <summary>0 points, outcome "error": the computation failed (e.g. division by zero).</summary>
    public CriterionScore Error(ImmutableArray<UsedValue> values, Exception exception) =>
        Score(0m, values, "error", $"Lỗi khi tính điểm: {Describe(exception)}");

    /// <summary>The values an expression reads, in order, as invariant text (null = missing).</summary>
    public ImmutableArray<UsedValue> Used(ValueRow row, params CompiledExpression?[] expressions)
    {
        var builder = ImmutableArray.CreateBuilder<UsedValue>();
        var seen = new HashSet<int>();
        foreach (var expression in expressions)
        {
            if (expression is null)
            {
                continue;
            }
            foreach (var slot in expression.ReadSlots)
            {
                if (seen.Add(slot))
                {
                    builder.Add(UsedSlot(row, slot));
                }
            }
        }
        return builder.ToImmutable();
    }

    public UsedValue UsedSlot(ValueRow row, int slot)
    {
        var name = ruleSet.Layout.IndicatorAt(slot)?.Id ?? RowLayout.DerivedNames[slot - ruleSet.Layout.Indicators.Length];
        return new UsedValue(name, row.Present[slot] ? ValueText(slot, row.Values[slot]) : null);
    }

    /// <summary>What to call an operand in a reason: the indicator's title, the number, or the formula in «».</summary>
    public string Label(CompiledExpression expression) =>
        expression.BareIdentifier is { } id && ruleSet.Layout.TryGetSlot(id, out var slot) ? Title(slot)
        : expression.Constant is { } constant ? ReferenceVn.Number(constant)
        : $"«{expression.Text}»";

    public string Title(int slot) => ruleSet.Layout.IndicatorAt(slot)?.Title ?? RowLayout.DerivedNames[slot - ruleSet.Layout.Indicators.Length];

    public static LocalDate DateOf(decimal dayNumber) => new LocalDate(1970, 1, 1).PlusDays((int)dayNumber);

    /// <summary>Exceptions an expression may raise at run time that make the criterion "error" instead of failing the run.</summary>
    public static bool IsEvaluationFailure(Exception exception) =>
        exception is RuleEvaluationException or ArithmeticException;

    private string ValueText(int slot, decimal value) => ruleSet.Layout.IndicatorAt(slot)?.Type switch
    {
        IndicatorType.Boolean => value != 0m ? "true" : "false",
        IndicatorType.Date => ReferenceVn.IsoDate(DateOf(value)),
        _ => ReferenceVn.Invariant(value),
    };

    private static string Describe(Exception exception) => exception switch
    {
        RuleEvaluationException => exception.Message,
        DivideByZeroException => "phép chia cho 0",
        OverflowException => "giá trị vượt quá giới hạn tính toán",
        _ => exception.Message,
    };
}
