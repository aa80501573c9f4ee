using System.Text;
using Scoring.Engine.Results;

namespace Scoring.Engine.Text;

/// <summary>
/// Writes a criterion's explanation as a Vietnamese sentence a person reads: indicator titles rather than ids, rates as
/// percentages at the rule set's precision, computed values rounded to it, and an expression's arithmetic step by step
/// ("7.291 / 32.270 = 22,59% &lt; 50% → 10 × 22,59% / 50% = 4,52"). The one renderer of cards, <c>explain</c>,
/// exports and pages; deterministic (same explanation, same text).
/// </summary>
public static class ExplanationRenderer
{
    /// <summary>The reason for the criterion's points, ending "→ points/max điểm".</summary>
    public static string Reason(CriterionScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (score.Explanation.StoredReason is { } stored)
        {
            return stored; // a card stored before explanations were data: its reason, points included, as written then
        }
        return string.Concat(Explain(score), " → ", VnFormat.Points(score.Points, score.MaxPoints));
    }

    /// <summary>The explanation without the points.</summary>
    public static string Explain(CriterionScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var e = score.Explanation;
        if (e.StoredReason is { } stored)
        {
            // Written then as "… → 3/5 điểm": the explanation is what comes before the points.
            var arrow = stored.LastIndexOf(" → ", StringComparison.Ordinal);
            return arrow > 0 && stored.EndsWith(" điểm", StringComparison.Ordinal) ? stored[..arrow] : stored;
        }
        var p = e.Precision;
        switch (e.Outcome)
        {
            case "missing":
                return e.Method == "deadline"
                    ? $"Chưa nộp ({TitleOf(e, e.MissingIndicator)}: chưa có số liệu; hạn {Date(e)})"
                    : $"Chưa có số liệu: {TitleOf(e, e.MissingIndicator)}";
            case "error":
                return $"Lỗi khi tính điểm: {e.Error}";
        }
        return e.Method switch
        {
            "bands" => Bands(e, score.Title, p),
            "target" => Target(e, score.Title, p),
            "check" => Check(e, p),
            "count" => Count(e, score, p),
            "expression" => Formula(e, score, p),
            "deadline" => Deadline(e),
            "relative" => Relative(e, p),
            "rank" => Rank(e),
            _ => e.Outcome,
        };
    }

    /// <summary>An input as a person reads it: "có"/"không", a date, "17,5%" for a percent indicator, the exact number; "(chưa có)" when missing.</summary>
    public static string Value(UsedValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Date is { } date)
        {
            return VnFormat.Date(date);
        }
        return value.Value switch
        {
            null => "(chưa có)",
            { } v when value.Type == "boolean" => v != 0m ? "có" : "không",
            { } v when value.Type == "percent" => VnFormat.Number(v) + "%",
            { } v => VnFormat.Number(v),
        };
    }

    /// <summary>An expression's steps as one line of arithmetic (empty when there are none).</summary>
    public static string Arithmetic(IReadOnlyList<ExpressionStep> steps, int precision)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var text = new StringBuilder();
        ExpressionStep? previous = null;
        foreach (var step in steps)
        {
            var comparison = IsComparison(step.Operator);
            var continues = step.Chained && previous is not null && !IsFunction(step.Operator);
            if (continues)
            {
                // "… = 22,59%" continues with " < 50%" or " × 10 = 2,26".
                text.Append(' ').Append(Symbol(step.Operator, step.Holds)).Append(' ').Append(Operand(step.Right!.Value, step.Format[1], precision));
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append(IsComparison(previous!.Operator) ? " → " : "; ");
                }
                text.Append(Expression(step, precision));
            }
            if (!comparison)
            {
                text.Append(" = ").Append(Operand(step.Value, step.Format[2], precision));
            }
            previous = step;
        }
        return text.ToString();
    }

    private static string Expression(ExpressionStep step, int precision)
    {
        var left = Operand(step.Left, step.Format[0], precision);
        var right = step.Right is { } r ? Operand(r, step.Format[1], precision) : null;
        return step.Operator switch
        {
            "min" or "max" => $"{step.Operator}({left}; {right})",
            "round" => $"làm tròn({left}; {right})",
            "abs" => $"|{left}|",
            "floor" => $"làm tròn xuống({left})",
            "ceiling" => $"làm tròn lên({left})",
            "neg" => $"−{left}",
            _ => $"{left} {Symbol(step.Operator, step.Holds)} {right}",
        };
    }

    private static string Operand(decimal value, char format, int precision) => format switch
    {
        'p' => VnFormat.Percent(value, precision),
        'n' => VnFormat.Number(value, precision),
        _ => VnFormat.Number(value),
    };

    // A comparison that did not hold is written as what did hold ("0 ≤ 0" for a failed "0 > 0").
    private static string Symbol(string op, bool holds) => op switch
    {
        "+" => "+",
        "-" => "−",
        "*" => "×",
        "/" => "/",
        "%" => "mod",
        "<" => holds ? "<" : "≥",
        "<=" => holds ? "≤" : ">",
        ">" => holds ? ">" : "≤",
        ">=" => holds ? "≥" : "<",
        "==" => holds ? "=" : "≠",
        "!=" => holds ? "≠" : "=",
        _ => op,
    };

    private static bool IsComparison(string op) => op is "<" or "<=" or ">" or ">=" or "==" or "!=";

    private static bool IsFunction(string op) => op is "min" or "max" or "round" or "abs" or "floor" or "ceiling" or "neg";

    private static string Bands(CriterionExplanation e, string title, int p)
    {
        var head = Head(e, title, p);
        return e.Band is { } band
            ? $"{head} thuộc mức «{Describe(band, e.ValueFormat, p)}»"
            : $"{head} không thuộc mức nào của bảng";
    }

    /// <summary>The band's label, or its bounds in words ("Từ 65% đến dưới 80%").</summary>
    public static string Describe(BandBounds band, char format = 'n', int precision = 2)
    {
        ArgumentNullException.ThrowIfNull(band);
        if (band.Label is { Length: > 0 } label)
        {
            return label;
        }
        if (band.IsCatchAll)
        {
            return "các trường hợp còn lại";
        }
        string N(decimal v) => Value(v, format, precision);
        var parts = new List<string>();
        if (band.AtLeast is { } a)
        {
            parts.Add($"từ {N(a)}");
        }
        if (band.Above is { } b)
        {
            parts.Add($"trên {N(b)}");
        }
        var hasLower = parts.Count > 0;
        if (band.AtMost is { } c)
        {
            parts.Add(hasLower ? $"đến {N(c)}" : $"không quá {N(c)}");
        }
        if (band.Below is { } d)
        {
            parts.Add(hasLower ? $"đến dưới {N(d)}" : $"dưới {N(d)}");
        }
        var text = string.Join(" ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Target(CriterionExplanation e, string title, int p)
    {
        var head = Head(e, title, p);
        if (e.Outcome == "no-target")
        {
            return e.Target is { } invalid
                ? $"{head}; chỉ tiêu {Value(invalid, e.ValueFormat, p)} không hợp lệ (phải lớn hơn 0)"
                : $"{head}; chưa được giao chỉ tiêu";
        }
        var target = Value(e.Target!.Value, e.ValueFormat, p);
        return e.LowerIsBetter
            ? $"{head}, chỉ tiêu không quá {target} (càng thấp càng tốt): đạt {VnFormat.Percent(e.Ratio!.Value, p)}"
            : $"{head} so với chỉ tiêu {target}: đạt {VnFormat.Percent(e.Ratio!.Value, p)}";
    }

    private static string Check(CriterionExplanation e, int p)
    {
        var pass = e.Outcome == "pass";
        if (e.Condition is null)
        {
            return $"{e.Label}: {(pass ? "có" : "không")}";
        }
        var arithmetic = e.Steps.IsDefaultOrEmpty ? "" : $" ({Arithmetic(e.Steps, p)})";
        return $"{(pass ? "Đạt" : "Không đạt")} điều kiện «{e.Condition}»{arithmetic}";
    }

    private static string Count(CriterionExplanation e, CriterionScore score, int p)
    {
        var text = $"{Head(e, score.Title, p)} × {VnFormat.Number(e.PointsEach!.Value)} điểm = {VnFormat.Number(e.Raw!.Value, p)} điểm";
        return e.Raw > score.MaxPoints ? $"{text}, tối đa {VnFormat.Number(score.MaxPoints)} điểm" : text;
    }

    private static string Formula(CriterionExplanation e, CriterionScore score, int p)
    {
        var raw = e.Raw!.Value;
        var range = raw < 0m || raw > score.MaxPoints ? $" (giới hạn trong khoảng 0–{VnFormat.Number(score.MaxPoints)})" : "";
        var arithmetic = e.Steps.IsDefaultOrEmpty ? $"«{e.Label}» = {VnFormat.Number(raw, p)}" : Arithmetic(e.Steps, p);
        return $"{score.Title}: {arithmetic}{range}";
    }

    private static string Deadline(CriterionExplanation e)
    {
        var submitted = VnFormat.Date(e.Submitted!.Value);
        if (e.Outcome == "on-time")
        {
            return $"Nộp ngày {submitted}, đúng hạn {Date(e)}";
        }
        var text = e.WeeksLate is { } weeks
            ? $"Nộp ngày {submitted}, trễ {e.DaysLate} ngày ({weeks} tuần) so với hạn {Date(e)}; trừ {VnFormat.Number(e.Deduction!.Value)} điểm/tuần"
            : $"Nộp ngày {submitted}, trễ {e.DaysLate} ngày so với hạn {Date(e)}; trừ {VnFormat.Number(e.Deduction!.Value)} điểm/ngày";
        return e.Raw < e.Floor && e.Floor > 0m ? $"{text}, không thấp hơn {VnFormat.Number(e.Floor!.Value)} điểm" : text;
    }

    private static string Relative(CriterionExplanation e, int p)
    {
        var value = $"{e.Label} = {Value(e.Value!.Value, e.ValueFormat, p)}";
        var noun = e.GroupNoun ?? "cụm";
        const string dissolvedTop = "đơn vị đã giải thể không được tính là đơn vị dẫn đầu";
        if (e.Outcome is "relative" or "relative:no-target" || (e.Outcome is "relative:leader" or "relative:dissolved-top" && e.Ratio is null))
        {
            if (e.Outcome == "relative:dissolved-top")
            {
                return $"{value}, không thấp hơn mức cao nhất {noun} {Value(e.GroupBest!.Value, e.ValueFormat, p)}: đủ số điểm ({dissolvedTop})";
            }
            var withTarget = e.Outcome == "relative:no-target" || e.Target is not null;
            var prefix = withTarget ? "Chưa được giao chỉ tiêu; " : "";
            var among = withTarget ? "cao nhất trong các đơn vị chưa được giao chỉ tiêu" : $"cao nhất {noun}";
            var best = e.GroupBest!.Value;
            if (best <= 0m)
            {
                return $"{prefix}{value}, {among} = {Value(best, e.ValueFormat, p)} (không có giá trị dương)";
            }
            return e.Value == best
                ? $"{prefix}{value}, {among}"
                : $"{prefix}{value} so với {among} {Value(best, e.ValueFormat, p)}";
        }
        var head = $"{value} so với chỉ tiêu {Value(e.Target!.Value, e.ValueFormat, p)} (đạt {VnFormat.Percent(e.Ratio!.Value, p)})";
        return e.Outcome switch
        {
            "relative:below" => $"{head}, chưa đạt chỉ tiêu: một nửa số điểm theo tỷ lệ",
            "relative:at" => $"{head}, đạt đúng chỉ tiêu: một nửa số điểm",
            "relative:leader" => $"{head}, vượt chỉ tiêu và dẫn đầu {noun}",
            "relative:dissolved-top" => $"{head}, vượt chỉ tiêu, không thấp hơn đơn vị dẫn đầu {noun}: đủ số điểm ({dissolvedTop})",
            _ => $"{head}, vượt chỉ tiêu; đơn vị dẫn đầu {noun} đạt {VnFormat.Percent(e.LeaderRatio!.Value, p)}",
        };
    }

    private static string Rank(CriterionExplanation e) =>
        $"{e.Label} = {Value(e.Value!.Value, e.ValueFormat, 2)}, xếp thứ {e.Rank}/{e.Ranked} trong {e.GroupNoun ?? "cụm"}{(e.Tied ? " (đồng hạng)" : "")}";

    // "indicator title = value" (a percentage when the operand is a rate); for a computed operand, the criterion's
    // title and the arithmetic that gave the value.
    private static string Head(CriterionExplanation e, string title, int p)
    {
        var value = Value(e.Value!.Value, e.ValueFormat, p);
        if (!e.LabelIsFormula)
        {
            return $"{e.Label} = {value}";
        }
        return e.Steps.IsDefaultOrEmpty ? $"{title} = {value}" : $"{title}: {Arithmetic(e.Steps, p)}";
    }

    private static string Value(decimal value, char format, int precision) => format switch
    {
        'p' => VnFormat.Percent(value, precision),
        '%' => VnFormat.Number(value) + "%",
        _ => VnFormat.Number(value),
    };

    private static string Date(CriterionExplanation e) => e.Due is { } due ? VnFormat.Date(due) : "";

    private static string TitleOf(CriterionExplanation e, string? id) =>
        e.Values.FirstOrDefault(v => v.Name == id)?.Title ?? id ?? "";
}
