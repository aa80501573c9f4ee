using System.Collections.Immutable;
using Scoring.Engine.Compilation;
using Scoring.Engine.Results;
using Scoring.Rules.Model;

namespace Scoring.Engine.Evaluation.Reference;

/// <summary>The per-unit pass: methods that need only the unit's own values.</summary>
internal static class ReferenceUnitMethods
{
    public static CriterionScore Evaluate(ReferenceScoreFactory f, ValueRow row, int year)
    {
        var c = f.Compiled;
        var used = f.Used(row, c.Value, c.Target, c.Condition);
        if (c.Criterion.Method is DeadlineMethod deadline)
        {
            return Deadline(f, row, deadline, year);
        }
        foreach (var expression in new[] { c.Value, c.Condition })
        {
            if (expression?.FirstMissing(row) is { } missing and >= 0)
            {
                return f.Missing(used, missing);
            }
        }
        try
        {
            return c.Criterion.Method switch
            {
                BandsMethod m => Bands(f, row, m, used),
                TargetMethod m => Target(f, row, m, used),
                CheckMethod m => Check(f, row, m, used),
                CountMethod m => Count(f, row, m, used),
                ExpressionMethod => Formula(f, row, used),
                _ => throw new InvalidOperationException($"Method '{c.Criterion.Method.Name}' needs the group."),
            };
        }
        catch (Exception ex) when (ReferenceScoreFactory.IsEvaluationFailure(ex))
        {
            return f.Error(used, ex);
        }
    }

    private static CriterionScore Bands(ReferenceScoreFactory f, ValueRow row, BandsMethod method, ImmutableArray<UsedValue> used)
    {
        var value = f.Compiled.Value!.EvaluateNumber(row);
        var label = f.Label(f.Compiled.Value);
        for (var i = 0; i < method.Rows.Length; i++)
        {
            var band = method.Rows[i];
            if (band.Contains(value))
            {
                var points = f.Points(band.Points);
                return f.Score(points, used, $"band:{i + 1}", $"{label} = {ReferenceVn.Number(value)} thuộc mức «{Describe(band)}»");
            }
        }
        return f.Score(0m, used, "band:none", $"{label} = {ReferenceVn.Number(value)} không thuộc mức nào của bảng");
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
            parts.Add($"từ {ReferenceVn.Number(a)}");
        }
        if (band.Above is { } b)
        {
            parts.Add($"trên {ReferenceVn.Number(b)}");
        }
        var hasLower = parts.Count > 0;
        if (band.AtMost is { } c)
        {
            parts.Add(hasLower ? $"đến {ReferenceVn.Number(c)}" : $"không quá {ReferenceVn.Number(c)}");
        }
        if (band.Below is { } d)
        {
            parts.Add(hasLower ? $"đến dưới {ReferenceVn.Number(d)}" : $"dưới {ReferenceVn.Number(d)}");
        }
        var text = string.Join(" ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static CriterionScore Target(ReferenceScoreFactory f, ValueRow row, TargetMethod method, ImmutableArray<UsedValue> used)
    {
        var c = f.Compiled;
        var value = c.Value!.EvaluateNumber(row);
        var label = f.Label(c.Value);
        var withTarget = used.Add(new UsedValue("target", c.Target!.FirstMissing(row) < 0 ? ReferenceVn.Invariant(c.Target.EvaluateNumber(row)) : null));
        if (c.Target.FirstMissing(row) >= 0)
        {
            return f.Score(0m, withTarget, "no-target", $"{label} = {ReferenceVn.Number(value)}; chưa được giao chỉ tiêu");
        }
        var target = c.Target.EvaluateNumber(row);
        if (target <= 0m)
        {
            return f.Score(0m, withTarget, "no-target", $"{label} = {ReferenceVn.Number(value)}; chỉ tiêu {ReferenceVn.Number(target)} không hợp lệ (phải lớn hơn 0)");
        }
        if (method.LowerIsBetter)
        {
            var ratioLower = value <= 0m ? 1m : Math.Min(target / value, 1m);
            return f.Score(f.Points(ratioLower * f.Max), withTarget, "target",
                $"{label} = {ReferenceVn.Number(value)}, chỉ tiêu không quá {ReferenceVn.Number(target)} (càng thấp càng tốt): đạt {ReferenceVn.Percent(ratioLower)}");
        }
        var ratio = Math.Clamp(value / target, 0m, 1m);
        return f.Score(f.Points(ratio * f.Max), withTarget, "target",
            $"{label} = {ReferenceVn.Number(value)} so với chỉ tiêu {ReferenceVn.Number(target)}: đạt {ReferenceVn.Percent(value / target)}");
    }

    private static CriterionScore Check(ReferenceScoreFactory f, ValueRow row, CheckMethod method, ImmutableArray<UsedValue> used)
    {
        var condition = f.Compiled.Condition!;
        var passed = condition.EvaluateBoolean(row);
        var points = passed ? f.Points(method.Points ?? f.Max) : 0m;
        var text = condition.BareIdentifier is not null
            ? $"{f.Label(condition)}: {(passed ? "có" : "không")}"
            : $"{(passed ? "Đạt" : "Không đạt")} điều kiện «{condition.Text}»";
        return f.Score(points, used, passed ? "pass" : "fail", text);
    }

    private static CriterionScore Count(ReferenceScoreFactory f, ValueRow row, CountMethod method, ImmutableArray<UsedValue> used)
    {
        var count = f.Compiled.Value!.EvaluateNumber(row);
        var raw = count * method.PointsEach;
        var points = f.Points(raw);
        var text = $"{f.Label(f.Compiled.Value)} = {ReferenceVn.Number(count)} × {ReferenceVn.Number(method.PointsEach)} điểm = {ReferenceVn.Number(raw)} điểm";
        if (raw > f.Max)
        {
            text += $", tối đa {ReferenceVn.Number(f.Max)} điểm";
        }
        return f.Score(points, used, $"count:{ReferenceVn.Invariant(count)}", text);
    }

    private static CriterionScore Formula(ReferenceScoreFactory f, ValueRow row, ImmutableArray<UsedValue> used)
    {
        var raw = f.Compiled.Value!.EvaluateNumber(row);
        var points = f.Points(raw);
        var text = $"Công thức «{f.Compiled.Value.Text}» = {ReferenceVn.Number(raw)}";
        if (raw < 0m || raw > f.Max)
        {
            text += $" (giới hạn trong khoảng 0–{ReferenceVn.Number(f.Max)})";
        }
        return f.Score(points, used, "expression", text);
    }

    private static CriterionScore Deadline(ReferenceScoreFactory f, ValueRow row, DeadlineMethod method, int year)
    {
        var slot = f.Compiled.DateSlot;
        var due = method.Due.For(year);
        var used = ImmutableArray.Create(f.UsedSlot(row, slot), new UsedValue("due", ReferenceVn.IsoDate(due)));
        if (!row.Present[slot])
        {
            return f.Score(0m, used, "missing", $"Chưa nộp ({f.Title(slot)}: chưa có số liệu; hạn {ReferenceVn.Date(due)})");
        }
        var date = ReferenceScoreFactory.DateOf(row.Values[slot]);
        var daysLate = Math.Max(0, NodaTime.Period.Between(due, date, NodaTime.PeriodUnits.Days).Days);
        if (daysLate == 0)
        {
            return f.Score(f.Points(f.Max), used, "on-time", $"Nộp ngày {ReferenceVn.Date(date)}, đúng hạn {ReferenceVn.Date(due)}");
        }
        var units = method.Per == DeductionUnit.Week ? (daysLate + 6) / 7 : daysLate;
        var floor = Math.Clamp(method.Floor, 0m, f.Max);
        var raw = f.Max - (method.Deduction * units);
        var points = f.Points(Math.Max(raw, floor));
        var lateText = method.Per == DeductionUnit.Week
            ? $"trễ {daysLate} ngày ({units} tuần) so với hạn {ReferenceVn.Date(due)}; trừ {ReferenceVn.Number(method.Deduction)} điểm/tuần"
            : $"trễ {daysLate} ngày so với hạn {ReferenceVn.Date(due)}; trừ {ReferenceVn.Number(method.Deduction)} điểm/ngày";
        if (raw < floor && floor > 0m)
        {
            lateText += $", không thấp hơn {ReferenceVn.Number(floor)} điểm";
        }
        return f.Score(points, used, $"late:{daysLate}d", $"Nộp ngày {ReferenceVn.Date(date)}, {lateText}");
    }
}
