using Scoring.Rules.Model;

namespace Scoring.Host.RuleSets;

/// <summary>A one-line Vietnamese description of how a criterion scores, for readers of a rule set.</summary>
internal static class MethodSummary
{
    public static string Of(CriterionMethod method) => method switch
    {
        BandsMethod b => $"Theo mức của {b.Value}: " + string.Join("; ", b.Rows.Select(Band)),
        CheckMethod c => $"Đạt điều kiện {c.Condition} thì được {(c.Points is { } p ? Display.Number(p) + " điểm" : "đủ điểm")}, không đạt thì 0 điểm",
        CountMethod c => $"Mỗi đơn vị của {c.Value} được {Display.Number(c.PointsEach)} điểm, tối đa bằng điểm chuẩn",
        DeadlineMethod d => $"Đúng hạn ({Due(d.Due)}) theo {d.Date} được đủ điểm; chậm mỗi {(d.Per == DeductionUnit.Week ? "tuần" : "ngày")} trừ {Display.Number(d.Deduction)} điểm, thấp nhất {Display.Number(d.Floor)}",
        ExpressionMethod e => $"Theo công thức {e.Formula}",
        RankMethod r => $"Theo thứ hạng trong cụm/khối của {r.Value} ({(r.Descending ? "cao hơn là tốt hơn" : "thấp hơn là tốt hơn")}): " +
            string.Join(", ", r.Points.Select((p, i) => $"hạng {i + 1}: {Display.Number(p)}")) + $"; còn lại {Display.Number(r.Otherwise)}",
        RelativeMethod r => r.Target is null
            ? $"Tỷ lệ so với đơn vị cao nhất trong cụm/khối theo {r.Value}"
            : $"Tỷ lệ {r.Value} so với {r.Target}",
        TargetMethod t => $"Tỷ lệ hoàn thành {t.Value} so với chỉ tiêu {t.Target}{(t.LowerIsBetter ? " (càng thấp càng tốt)" : "")}",
        _ => method.Name,
    };

    private static string Due(DueDate due) =>
        due.Fixed is { } date ? date.ToString("dd'/'MM'/'yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : due.Annual is { } annual ? $"ngày {annual.Day}/{annual.Month} hằng năm" : "hạn quy định";

    private static string Band(BandRow row)
    {
        if (row.IsCatchAll)
        {
            return $"còn lại: {Display.Number(row.Points)}";
        }

        var parts = new List<string>();
        if (row.AtLeast is { } a)
        {
            parts.Add("≥ " + Display.Number(a));
        }

        if (row.Above is { } b)
        {
            parts.Add("> " + Display.Number(b));
        }

        if (row.AtMost is { } c)
        {
            parts.Add("≤ " + Display.Number(c));
        }

        if (row.Below is { } d)
        {
            parts.Add("< " + Display.Number(d));
        }

        return $"{(row.Label is { Length: > 0 } label ? label + " " : "")}({string.Join(" và ", parts)}): {Display.Number(row.Points)}";
    }
}
