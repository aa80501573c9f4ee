using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Scoring.Engine.Compilation;
using Scoring.Engine.Results;
using Scoring.Engine.Text;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation;

/// <summary>The per-unit pass: methods that need only the unit's own values.</summary>
internal static class UnitMethods
{
    /// <summary>
    /// Scores one criterion for every unit. When the criterion's score depends on one or two slots only, units with
    /// identical inputs (same decimal bits) share the score computed for the first of them: the evaluation is a pure
    /// function of those inputs, so the result is the same as evaluating each unit, with fewer objects to build.
    /// </summary>
    public static void EvaluateAll(ScoreFactory f, UnitPass[] passes, int year)
    {
        var index = f.Compiled.Index;
        if (f.MemoSlots is not { } slots)
        {
            foreach (var pass in passes)
            {
                pass.Scores[index] = Evaluate(f, pass.Row, year);
            }
            return;
        }
        var memo = new Dictionary<MemoKey, CriterionScore>(passes.Length);
        foreach (var pass in passes)
        {
            var key = MemoKey.For(pass.Row, slots);
            if (!memo.TryGetValue(key, out var score))
            {
                score = Evaluate(f, pass.Row, year);
                memo.Add(key, score);
            }
            pass.Scores[index] = score;
        }
    }

    public static CriterionScore Evaluate(ScoreFactory f, ValueRow row, int year)
    {
        var c = f.Compiled;
        if (c.Criterion.Method is DeadlineMethod deadline)
        {
            return Deadline(f, row, deadline, year);
        }
        var used = f.Used(row);
        if (c.Value?.FirstMissing(row) is { } missingValue and >= 0)
        {
            return f.Missing(used, missingValue);
        }
        if (c.Condition?.FirstMissing(row) is { } missingCondition and >= 0)
        {
            return f.Missing(used, missingCondition);
        }
        try
        {
            return c.Criterion.Method switch
            {
                BandsMethod m => Bands(f, row, m, used),
                TargetMethod m => Target(f, row, m, used),
                CheckMethod => Check(f, row, used),
                CountMethod m => Count(f, row, m, used),
                ExpressionMethod => Formula(f, row, used),
                _ => throw new InvalidOperationException($"Method '{c.Criterion.Method.Name}' needs the group."),
            };
        }
        catch (Exception ex) when (ScoreFactory.IsEvaluationFailure(ex))
        {
            return f.Error(used, ex);
        }
    }

    private static CriterionScore Bands(ScoreFactory f, ValueRow row, BandsMethod method, ImmutableArray<UsedValue> used)
    {
        var operand = f.Compiled.Value!;
        var value = operand.EvaluateNumber(row);
        var number = f.NumberText(row, operand, value);
        for (var i = 0; i < method.Rows.Length; i++)
        {
            if (method.Rows[i].Contains(value))
            {
                var band = f.Bands[i];
                return f.ScoreWithReason(band.Points, used, band.Outcome, string.Concat(f.ValuePrefix, number, band.ReasonEnd));
            }
        }
        return f.ScoreWithReason(0m, used, "band:none", string.Concat(f.ValuePrefix, number, f.NoBandReason));
    }

    /// <summary>The band's label, or its bounds in words ("từ 0,65 đến dưới 0,8").</summary>
    internal static string Describe(BandRow band)
    {
        if (band.Label is { Length: > 0 } label)
        {
            return label;
        }
        if (band.IsCatchAll)
        {
            return "các trường hợp còn lại";
        }
        var parts = new List<string>();
        if (band.AtLeast is { } a)
        {
            parts.Add($"từ {Vn.Number(a)}");
        }
        if (band.Above is { } b)
        {
            parts.Add($"trên {Vn.Number(b)}");
        }
        var hasLower = parts.Count > 0;
        if (band.AtMost is { } c)
        {
            parts.Add(hasLower ? $"đến {Vn.Number(c)}" : $"không quá {Vn.Number(c)}");
        }
        if (band.Below is { } d)
        {
            parts.Add(hasLower ? $"đến dưới {Vn.Number(d)}" : $"dưới {Vn.Number(d)}");
        }
        var text = string.Join(" ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static CriterionScore Target(ScoreFactory f, ValueRow row, TargetMethod method, ImmutableArray<UsedValue> used)
    {
        var c = f.Compiled;
        var value = c.Value!.EvaluateNumber(row);
        if (f.ConstantTarget is { } constant)
        {
            var withConstant = f.UsedWithRoom(row, 1);
            withConstant[^1] = constant.Used;
            return TargetAgainst(f, method, ImmutableCollectionsMarshal.AsImmutableArray(withConstant), value, f.NumberText(row, c.Value, value), constant.Value, constant.Number);
        }
        var targetMissing = c.Target!.FirstMissing(row) >= 0;
        var values = f.UsedWithRoom(row, 1);
        values[^1] = new UsedValue("target", targetMissing ? null : Vn.Invariant(c.Target.EvaluateNumber(row)));
        var withTarget = ImmutableCollectionsMarshal.AsImmutableArray(values);
        var number = f.NumberText(row, c.Value, value);
        if (targetMissing)
        {
            return f.Score(0m, withTarget, "no-target", f.ValuePrefix, number, "; chưa được giao chỉ tiêu");
        }
        var target = c.Target.EvaluateNumber(row);
        return TargetAgainst(f, method, withTarget, value, number, target, Vn.Number(target));
    }

    // The rest of Target once the value, the target and their texts are known.
    private static CriterionScore TargetAgainst(
        ScoreFactory f, TargetMethod method, ImmutableArray<UsedValue> withTarget, decimal value, string number, decimal target, string targetText)
    {
        if (target <= 0m)
        {
            return f.Score(0m, withTarget, "no-target", f.ValuePrefix, number, $"; chỉ tiêu {targetText} không hợp lệ (phải lớn hơn 0)");
        }
        if (method.LowerIsBetter)
        {
            var ratioLower = value <= 0m ? 1m : Math.Min(target / value, 1m);
            return f.Score(f.Points(ratioLower * f.Max), withTarget, "target", f.ValuePrefix, number,
                string.Concat(", chỉ tiêu không quá ", targetText, " (càng thấp càng tốt): đạt ", Vn.Percent(ratioLower)));
        }
        var ratio = Math.Clamp(value / target, 0m, 1m);
        return f.Score(f.Points(ratio * f.Max), withTarget, "target", f.ValuePrefix, number,
            string.Concat(" so với chỉ tiêu ", targetText, ": đạt ", Vn.Percent(value / target)));
    }

    private static CriterionScore Check(ScoreFactory f, ValueRow row, ImmutableArray<UsedValue> used) =>
        f.Compiled.Condition!.EvaluateBoolean(row)
            ? f.ScoreWithReason(f.PassPoints, used, "pass", f.PassReason)
            : f.ScoreWithReason(0m, used, "fail", f.FailReason);

    private static CriterionScore Count(ScoreFactory f, ValueRow row, CountMethod method, ImmutableArray<UsedValue> used)
    {
        var count = f.Compiled.Value!.EvaluateNumber(row);
        var raw = count * method.PointsEach;
        var points = f.Points(raw);
        var text = $"{f.NumberText(row, f.Compiled.Value, count)} × {Vn.Number(method.PointsEach)} điểm = {Vn.Number(raw)} điểm";
        if (raw > f.Max)
        {
            text += $", tối đa {Vn.Number(f.Max)} điểm";
        }
        return f.Score(points, used, $"count:{Vn.Invariant(count)}", f.ValuePrefix, text, "");
    }

    private static CriterionScore Formula(ScoreFactory f, ValueRow row, ImmutableArray<UsedValue> used)
    {
        var raw = f.Compiled.Value!.EvaluateNumber(row);
        var points = f.Points(raw);
        var range = raw < 0m || raw > f.Max ? $" (giới hạn trong khoảng 0–{Vn.Number(f.Max)})" : "";
        return f.Score(points, used, "expression", f.FormulaPrefix, Vn.Number(raw), range);
    }

    private static CriterionScore Deadline(ScoreFactory f, ValueRow row, DeadlineMethod method, int year)
    {
        var slot = f.Compiled.DateSlot;
        var due = method.Due.For(year);
        var used = ImmutableArray.Create(f.UsedSlot(row, slot), new UsedValue("due", Vn.IsoDate(due)));
        if (!row.Present[slot])
        {
            return f.Score(0m, used, "missing", $"Chưa nộp ({f.Title(slot)}: chưa có số liệu; hạn {Vn.Date(due)})");
        }
        var date = ScoreFactory.DateOf(row.Values[slot]);
        var daysLate = Math.Max(0, NodaTime.Period.Between(due, date, NodaTime.PeriodUnits.Days).Days);
        if (daysLate == 0)
        {
            return f.Score(f.Points(f.Max), used, "on-time", $"Nộp ngày {Vn.Date(date)}, đúng hạn {Vn.Date(due)}");
        }
        var units = method.Per == DeductionUnit.Week ? (daysLate + 6) / 7 : daysLate;
        var floor = Math.Clamp(method.Floor, 0m, f.Max);
        var raw = f.Max - (method.Deduction * units);
        var points = f.Points(Math.Max(raw, floor));
        var lateText = method.Per == DeductionUnit.Week
            ? $"trễ {daysLate} ngày ({units} tuần) so với hạn {Vn.Date(due)}; trừ {Vn.Number(method.Deduction)} điểm/tuần"
            : $"trễ {daysLate} ngày so với hạn {Vn.Date(due)}; trừ {Vn.Number(method.Deduction)} điểm/ngày";
        if (raw < floor && floor > 0m)
        {
            lateText += $", không thấp hơn {Vn.Number(floor)} điểm";
        }
        return f.Score(points, used, $"late:{daysLate}d", $"Nộp ngày {Vn.Date(date)}, {lateText}");
    }
}
