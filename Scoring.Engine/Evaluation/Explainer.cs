using System.Collections.Immutable;
using NodaTime;
using Scoring.Engine.Compilation;
using Scoring.Engine.Model;
using Scoring.Engine.Results;
using Scoring.Rules.Expressions;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation;

/// <summary>
/// A per-unit criterion's points and explanation, in exact decimal arithmetic, from the unit's inputs. This is what
/// a <see cref="CriterionScore"/> of a scored unit is built from when it is read; its points equal the points the
/// scoring pass computed (the equivalence tests check it on every unit of the workloads and catalog).
/// </summary>
internal static class Explainer
{
    public static (decimal Points, CriterionExplanation Explanation) Explain(CompiledRuleSet ruleSet, CompiledCriterion c, ValueRow row, int year)
    {
        var head = Head(ruleSet, c, row);
        if (c.Criterion.Method is DeadlineMethod deadline)
        {
            return Deadline(ruleSet, c, row, deadline, year, head);
        }
        if (c.Value?.FirstMissing(row) is { } missingValue and >= 0)
        {
            return (0m, Missing(ruleSet, head, missingValue));
        }
        if (c.Condition?.FirstMissing(row) is { } missingCondition and >= 0)
        {
            return (0m, Missing(ruleSet, head, missingCondition));
        }
        try
        {
            return c.Criterion.Method switch
            {
                BandsMethod m => Bands(ruleSet, c, row, m, head),
                TargetMethod m => Target(ruleSet, c, row, m, head),
                CheckMethod m => Check(ruleSet, c, row, m, head),
                CountMethod m => Count(ruleSet, c, row, m, head),
                ExpressionMethod => Formula(ruleSet, c, row, head),
                _ => throw new InvalidOperationException($"Method '{c.Criterion.Method.Name}' needs the group."),
            };
        }
        catch (Exception ex) when (IsEvaluationFailure(ex))
        {
            return (0m, Error(head, ex));
        }
    }

    /// <summary>The parts every explanation of the criterion shares: method, inputs, the operand's label and format.</summary>
    public static CriterionExplanation Head(CompiledRuleSet ruleSet, CompiledCriterion c, ValueRow row)
    {
        var operand = c.Value;
        return new CriterionExplanation
        {
            Method = c.Criterion.Method.Name,
            Outcome = "",
            Values = Used(ruleSet, c, row),
            Label = operand is null ? null : Label(ruleSet, operand),
            LabelIsFormula = operand is not null && operand.BareIdentifier is null && operand.Constant is null,
            ValueFormat = operand is null ? 'n' : FormatOf(ruleSet, operand),
            Precision = ruleSet.RuleSet.Precision,
        };
    }

    public static CriterionExplanation Missing(CompiledRuleSet ruleSet, CriterionExplanation head, int slot) =>
        head with { Outcome = "missing", MissingIndicator = SlotName(ruleSet, slot) };

    public static CriterionExplanation Error(CriterionExplanation head, Exception exception) =>
        head with { Outcome = "error", Error = Describe(exception) };

    /// <summary>Rounds to the rule set's precision (half away from zero) and clamps to [0, max], trailing zeros dropped.</summary>
    public static decimal Points(CompiledRuleSet ruleSet, CompiledCriterion c, decimal raw) =>
        Text.Vn.Normalize(Math.Clamp(Math.Round(raw, ruleSet.RuleSet.Precision, MidpointRounding.AwayFromZero), 0m, c.Criterion.MaxPoints));

    /// <summary>Exceptions an expression may raise at run time that make the criterion "error" instead of failing the run.</summary>
    public static bool IsEvaluationFailure(Exception exception) => exception is RuleEvaluationException or ArithmeticException;

    public static LocalDate DateOf(decimal dayNumber) => new LocalDate(1970, 1, 1).PlusDays((int)dayNumber);

    private static (decimal, CriterionExplanation) Bands(CompiledRuleSet ruleSet, CompiledCriterion c, ValueRow row, BandsMethod method, CriterionExplanation head)
    {
        var value = c.Value!.EvaluateNumber(row);
        var steps = StepsOf(c.Value, row);
        for (var i = 0; i < method.Rows.Length; i++)
        {
            var band = method.Rows[i];
            if (band.Contains(value))
            {
                return (Points(ruleSet, c, band.Points), head with
                {
                    Outcome = $"band:{i + 1}", Value = value, Steps = steps,
                    Band = new BandBounds(i + 1, band.Label is { Length: > 0 } ? band.Label : null, band.AtLeast, band.Above, band.AtMost, band.Below),
                });
            }
        }
        return (0m, head with { Outcome = "band:none", Value = value, Steps = steps });
    }

    private static (decimal, CriterionExplanation) Target(CompiledRuleSet ruleSet, CompiledCriterion c, ValueRow row, TargetMethod method, CriterionExplanation head)
    {
        var value = c.Value!.EvaluateNumber(row);
        var explained = head with { Value = value, Steps = StepsOf(c.Value, row), LowerIsBetter = method.LowerIsBetter };
        if (c.Target!.FirstMissing(row) >= 0)
        {
            return (0m, explained with { Outcome = "no-target" });
        }
        var target = c.Target.EvaluateNumber(row);
        explained = explained with { Target = target };
        if (target <= 0m)
        {
            return (0m, explained with { Outcome = "no-target" });
        }
        if (method.LowerIsBetter)
        {
            var ratioLower = value <= 0m ? 1m : Math.Min(target / value, 1m);
            return (Points(ruleSet, c, ratioLower * c.Criterion.MaxPoints), explained with { Outcome = "target", Ratio = ratioLower });
        }
        var ratio = Math.Clamp(value / target, 0m, 1m);
        return (Points(ruleSet, c, ratio * c.Criterion.MaxPoints), explained with { Outcome = "target", Ratio = value / target });
    }

    private static (decimal, CriterionExplanation) Check(CompiledRuleSet ruleSet, CompiledCriterion c, ValueRow row, CheckMethod method, CriterionExplanation head)
    {
        var condition = c.Condition!;
        var explained = head with
        {
            Condition = condition.BareIdentifier is null ? condition.Text : null,
            Label = condition.BareIdentifier is null ? null : Label(ruleSet, condition),
            Steps = condition.BareIdentifier is null ? StepsOf(condition, row) : [],
        };
        return condition.EvaluateBoolean(row)
            ? (Points(ruleSet, c, method.Points ?? c.Criterion.MaxPoints), explained with { Outcome = "pass" })
            : (0m, explained with { Outcome = "fail" });
    }

    private static (decimal, CriterionExplanation) Count(CompiledRuleSet ruleSet, CompiledCriterion c, ValueRow row, CountMethod method, CriterionExplanation head)
    {
        var count = c.Value!.EvaluateNumber(row);
        var raw = count * method.PointsEach;
        return (Points(ruleSet, c, raw), head with
        {
            Outcome = $"count:{Text.Vn.Invariant(count)}", Value = count, PointsEach = method.PointsEach, Raw = raw, Steps = StepsOf(c.Value, row),
        });
    }

    private static (decimal, CriterionExplanation) Formula(CompiledRuleSet ruleSet, CompiledCriterion c, ValueRow row, CriterionExplanation head)
    {
        var raw = c.Value!.EvaluateNumber(row);
        return (Points(ruleSet, c, raw), head with { Outcome = "expression", Value = raw, Raw = raw, Steps = StepsOf(c.Value, row) });
    }

    private static (decimal, CriterionExplanation) Deadline(CompiledRuleSet ruleSet, CompiledCriterion c, ValueRow row, DeadlineMethod method, int year, CriterionExplanation head)
    {
        var slot = c.DateSlot;
        var due = method.Due.For(year);
        var explained = head with { Due = due, Deduction = method.Deduction, Floor = Math.Clamp(method.Floor, 0m, c.Criterion.MaxPoints) };
        if (!row.Present[slot])
        {
            return (0m, Missing(ruleSet, explained, slot));
        }
        var date = DateOf(row.Values[slot]);
        var daysLate = Math.Max(0, Period.Between(due, date, PeriodUnits.Days).Days);
        explained = explained with { Submitted = date, DaysLate = daysLate };
        if (daysLate == 0)
        {
            return (Points(ruleSet, c, c.Criterion.MaxPoints), explained with { Outcome = "on-time" });
        }
        var units = method.Per == DeductionUnit.Week ? (daysLate + 6) / 7 : daysLate;
        var raw = c.Criterion.MaxPoints - (method.Deduction * units);
        return (Points(ruleSet, c, Math.Max(raw, explained.Floor!.Value)), explained with
        {
            Outcome = $"late:{daysLate}d", WeeksLate = method.Per == DeductionUnit.Week ? units : null, Raw = raw,
        });
    }

    // Steps only for a computed operand; a bare indicator or a number needs none.
    private static ImmutableArray<ExpressionStep> StepsOf(CompiledExpression operand, ValueRow row) =>
        operand.BareIdentifier is null && operand.Constant is null ? operand.Tracer.Steps(row) : [];

    private static ImmutableArray<UsedValue> Used(CompiledRuleSet ruleSet, CompiledCriterion c, ValueRow row)
    {
        var layout = ruleSet.Layout;
        var slots = ruleSet.UsedSlots(c);
        if (slots.Length == 0)
        {
            return [];
        }
        var values = new UsedValue[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = slots[i];
            var definition = layout.IndicatorAt(slot);
            var present = row.Present[slot];
            values[i] = definition?.Type == IndicatorType.Date
                ? new UsedValue(definition.Id, definition.Title, null, present ? DateOf(row.Values[slot]) : null, "date")
                : new UsedValue(SlotName(ruleSet, slot), definition?.Title ?? SlotName(ruleSet, slot), present ? Text.Vn.Normalize(row.Values[slot]) : null, null,
                    definition?.Type.ToString().ToLowerInvariant() ?? "number");
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    private static string Label(CompiledRuleSet ruleSet, CompiledExpression expression) =>
        expression.BareIdentifier is { } id && ruleSet.Layout.TryGetSlot(id, out var slot) ? ruleSet.Layout.IndicatorAt(slot)!.Title
        : expression.Text;

    private static char FormatOf(CompiledRuleSet ruleSet, CompiledExpression operand)
    {
        if (operand.BareSlot >= 0)
        {
            return ruleSet.Layout.IndicatorAt(operand.BareSlot)?.Type == IndicatorType.Percent ? '%' : 'n';
        }
        return operand.Constant is null && operand.IsRate ? 'p' : 'n';
    }

    private static string SlotName(CompiledRuleSet ruleSet, int slot) =>
        ruleSet.Layout.IndicatorAt(slot)?.Id ?? RowLayout.DerivedNames[slot - ruleSet.Layout.Indicators.Length];

    private static string Describe(Exception exception) => exception switch
    {
        RuleEvaluationException => exception.Message,
        DivideByZeroException => "phép chia cho 0",
        OverflowException => "giá trị vượt quá giới hạn tính toán",
        _ => exception.Message,
    };
}
